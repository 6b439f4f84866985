/**
 * The top of the pages: the frame around every page ({@link io.tenantry.web.PageFrame}), the
 * language switch, and the pages shown for refusals. What the features' pages share is in
 * {@code faces}.
 */
package io.tenantry.web;
