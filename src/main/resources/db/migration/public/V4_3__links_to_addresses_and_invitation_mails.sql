-- A link may be sent to an address rather than to an account: an invitation goes to an address that
-- may have no account (the account is made when the link is accepted), and a new e-mail address of
-- an account is confirmed by a link sent to it. Such links name the address they were sent to.
ALTER TABLE public.single_use_token ALTER COLUMN account_id DROP NOT NULL;
ALTER TABLE public.single_use_token ADD COLUMN email text CHECK (email = lower(email));
ALTER TABLE public.single_use_token ADD CONSTRAINT single_use_token_names_someone
    CHECK (account_id IS NOT NULL OR email IS NOT NULL);
CREATE INDEX single_use_token_email_idx ON public.single_use_token (email) WHERE email IS NOT NULL;
-- Invitation links sent before were sent to their account's address.
UPDATE public.single_use_token t SET email = a.email FROM public.account a
    WHERE t.purpose = 'INVITATION' AND a.id = t.account_id;

-- An invitation names an account only once someone accepted it (the one whose address it was sent to).
ALTER TABLE public.invitation ALTER COLUMN account_id DROP NOT NULL;

-- Every invitation mail, by recipient, across tenants: one address receives at most a few a day.
CREATE TABLE public.invitation_mail (
    email   text        NOT NULL CHECK (email = lower(email)),
    sent_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invitation_mail_recipient_idx ON public.invitation_mail (email, sent_at);
