"""Builds the peer's tenants from Tenantry's own answers, so both sides serve the same rows.

    manage.py peer_load DIR DOMAIN TOKEN

DIR holds one `<label>.json` per tenant: Tenantry's GET /api/products answer (ids, names, times and
versions are copied as they are). Each becomes a publicly readable tenant (schema and host `<label>.DOMAIN`);
one active account holding TOKEN (its SHA-256 kept) is a member of every tenant. Tenants already made
are left as they are.
"""
import hashlib
import json
import pathlib
from datetime import datetime

from django.core.management.base import BaseCommand
from django_tenants.utils import schema_context

from customers.models import Account, ApiToken, Client, Domain, Member
from products.models import Product, ProductVersion


class Command(BaseCommand):
    help = "Makes the peer's tenants from Tenantry's GET /api/products answers."

    def add_arguments(self, parser):
        parser.add_argument("dir")
        parser.add_argument("domain")
        parser.add_argument("token")

    def handle(self, dir, domain, token, **options):
        if not Client.objects.filter(schema_name="public").exists():
            public = Client.objects.create(schema_name="public", name="public")
            Domain.objects.create(domain=domain, tenant=public, is_primary=True)
        account, _ = Account.objects.get_or_create(username="bench")
        ApiToken.objects.get_or_create(account=account, token_hash=hashlib.sha256(token.encode()).hexdigest())
        for answer in sorted(pathlib.Path(dir).glob("*.json")):
            label = answer.stem
            schema = label.replace("-", "_")
            if Client.objects.filter(schema_name=schema).exists():
                continue
            tenant = Client.objects.create(schema_name=schema, name=label, publicly_readable=True)
            Domain.objects.create(domain=f"{label}.{domain}", tenant=tenant, is_primary=True)
            Member.objects.create(tenant=tenant, account=account)
            page = json.loads(answer.read_text())
            with schema_context(schema):
                for item in page["items"]:
                    product = Product.objects.create(id=item["id"], name=item["name"], description=item.get("description"),
                                                     created_at=datetime.fromisoformat(item["createdAt"].replace("Z", "+00:00")))
                    ProductVersion.objects.bulk_create(ProductVersion(id=v["id"], product=product, value=v["value"])
                                                       for v in item["versions"])
            self.stdout.write(f"{label}: {len(page['items'])} products")
