"""A tenant's products and their versions, the tables Tenantry's GET /api/products reads."""
from django.db import models


class Product(models.Model):
    name = models.CharField(max_length=200)
    description = models.TextField(null=True)
    created_at = models.DateTimeField()


class ProductVersion(models.Model):
    product = models.ForeignKey(Product, related_name="versions", on_delete=models.CASCADE)
    value = models.CharField(max_length=100)
