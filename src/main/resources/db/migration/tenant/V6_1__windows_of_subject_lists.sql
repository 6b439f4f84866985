-- Comments, attachments and a case's history are read a window at a time, newest or oldest first: an index in
-- that order finds a window and counts the rows without sorting every row of the subject.
DROP INDEX comment_subject_idx;
CREATE INDEX comment_subject_idx ON comment (subject, subject_id, id);
DROP INDEX case_change_case_idx;
CREATE INDEX case_change_case_idx ON case_change (case_id, changed_at, id);
DROP INDEX attachment_subject_idx;
CREATE INDEX attachment_subject_idx ON attachment (subject, subject_id, id);
