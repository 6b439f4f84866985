"""GET /api/products as Tenantry answers it: a page of products with their versions, the same JSON
(keys in alphabetical order, as Yasson writes them).

Anonymous on a publicly readable tenant; with `Authorization: Bearer <token>`, the token's account must
be active and a member of the tenant (the public-schema tables of customers.models): the simple
equivalent of Tenantry's token and membership checks, without groups and permissions.
"""
import hashlib
import json

from django.http import HttpResponse

from customers.models import ApiToken, Member
from products.models import Product

LIMIT = 50


def products(request):
    tenant = request.tenant
    authorization = request.META.get("HTTP_AUTHORIZATION", "")
    if authorization[:7].lower() == "bearer ":
        digest = hashlib.sha256(authorization[7:].strip().encode()).hexdigest()
        token = ApiToken.objects.filter(token_hash=digest, account__active=True).values("account_id").first()
        if token is None:
            return problem(401, "The token is not valid.")
        if not Member.objects.filter(tenant_id=tenant.id, account_id=token["account_id"]).exists():
            if not tenant.publicly_readable:
                return problem(403, "Not a member of this tenant.")
    elif not tenant.publicly_readable:
        return problem(401, "Sign in.")
    total = Product.objects.count()
    page = Product.objects.order_by("id").prefetch_related("versions")[0:LIMIT]
    items = [{"id": p.id, "name": p.name, "description": p.description, "createdAt": stamp(p.created_at),
              "versions": [{"id": v.id, "productId": p.id, "value": v.value}
                           for v in sorted(p.versions.all(), key=lambda v: v.id)]}
             for p in page]
    body = {"items": items, "total": total, "offset": 0, "limit": LIMIT}
    return HttpResponse(json.dumps(body, separators=(",", ":"), ensure_ascii=False, sort_keys=True), content_type="application/json")


def stamp(moment):
    """As Tenantry writes an OffsetDateTime in UTC: ISO-8601, the fraction without trailing zeros, Z."""
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if moment.microsecond:
        text += ("." + "%06d" % moment.microsecond).rstrip("0")
    return text + "Z"


def problem(status, detail):
    return HttpResponse(json.dumps({"status": status, "detail": detail}), status=status,
                        content_type="application/problem+json")
