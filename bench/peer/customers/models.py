"""The public schema: tenants and their host names (django-tenants), and who may read with a token."""
from django.db import models
from django_tenants.models import DomainMixin, TenantMixin


class Client(TenantMixin):
    name = models.CharField(max_length=100)
    publicly_readable = models.BooleanField(default=False)
    # Schemas are made by bench/peer/customers/management/commands/peer_load.py, all in one process.
    auto_create_schema = True


class Domain(DomainMixin):
    pass


class Account(models.Model):
    username = models.CharField(max_length=100, unique=True)
    active = models.BooleanField(default=True)


class ApiToken(models.Model):
    """A token is kept as the SHA-256 of its secret, as Tenantry keeps it."""
    account = models.ForeignKey(Account, on_delete=models.CASCADE)
    token_hash = models.CharField(max_length=64, unique=True)
    last_used_at = models.DateTimeField(null=True)


class Member(models.Model):
    tenant = models.ForeignKey(Client, on_delete=models.CASCADE)
    account = models.ForeignKey(Account, on_delete=models.CASCADE)

    class Meta:
        unique_together = [("tenant", "account")]
