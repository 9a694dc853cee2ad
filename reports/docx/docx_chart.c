/* The plan's charts as PNG pictures: the report page's own SVG (the group
 * profile and the Pareto of lost points, html_charts.c) with the page's chart
 * style rules, rendered by librsvg onto a cairo surface at twice its size on
 * white, so that Word and LibreOffice show the same figure as the page. */
#include <string.h>

#include <cairo.h>
#include <librsvg/rsvg.h>

#include "docx_priv.h"
#include "html_priv.h"

#define SCALE 2
#define CHART_W_TWIPS DX_MM(160)

static const char font_rule[] =
	"svg text{font-family:\"Liberation Sans\",\"DejaVu Sans\",Arial,sans-serif;fill:#1a1a1a}\n";

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	return cchc_buf_append(closure, (const char *)data, len) < 0 ? CAIRO_STATUS_WRITE_ERROR
	                                                             : CAIRO_STATUS_SUCCESS;
}

static int render_png(dx_chart *c, const cchc_buf *svg)
{
	GError *err = NULL;
	int rc = -1;
	cchc_buf css;
	cchc_buf_init(&css, 1 << 16);
	cchc_buf_puts(&css, font_rule);
	cchc_buf_puts(&css, cchc_svg_css);
	RsvgHandle *h = rsvg_handle_new_from_data((const guint8 *)svg->data, svg->len, &err);
	cairo_surface_t *surface = NULL;
	cairo_t *cr = NULL;
	gdouble w = 0, hh = 0;
	if (!h || css.failed ||
	    !rsvg_handle_set_stylesheet(h, (const guint8 *)css.data, css.len, &err) ||
	    !rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &hh) || w < 1 || hh < 1 || w > 4096 ||
	    hh > 16384)
		goto done;
	int pw = (int)w * SCALE, ph = (int)hh * SCALE;
	surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
	cr = cairo_create(surface);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	RsvgRectangle viewport = {0, 0, pw, ph};
	if (!rsvg_handle_render_document(h, cr, &viewport, &err) ||
	    cairo_surface_write_to_png_stream(surface, to_buf, &c->png) != CAIRO_STATUS_SUCCESS ||
	    c->png.failed)
		goto done;
	c->cx = (long)CHART_W_TWIPS * DX_EMU_PER_TWIP;
	c->cy = c->cx * ph / pw;
	rc = 0;
done:
	if (err)
		g_error_free(err);
	if (cr)
		cairo_destroy(cr);
	if (surface)
		cairo_surface_destroy(surface);
	if (h)
		g_object_unref(h);
	cchc_buf_dispose(&css);
	return rc;
}

int dx_chart_from_svg(dx_chart *c, const cchc_buf *svg)
{
	return render_png(c, svg);
}

int dx_charts_render(dx_chart charts[DX_NCHARTS], const cchc_gap *gap, cchc_lang L)
{
	int rc = 0;
	for (int i = 0; i < DX_NCHARTS; i++) {
		memset(&charts[i], 0, sizeof charts[i]);
		cchc_buf_init(&charts[i].png, 0);
	}
	for (int i = 0; i < DX_NCHARTS && rc == 0; i++) {
		cchc_buf svg;
		cchc_buf_init(&svg, 0);
		if (i == DX_CHART_PROFILE)
			cchc_html_chart_profile(&svg, gap, L);
		else if (cchc_html_chart_pareto(&svg, gap, L) < 0)
			rc = -1;
		if (svg.failed)
			rc = -1;
		else if (rc == 0 && svg.len)
			rc = render_png(&charts[i], &svg);
		cchc_buf_dispose(&svg);
	}
	return rc;
}

void dx_charts_free(dx_chart charts[DX_NCHARTS])
{
	for (int i = 0; i < DX_NCHARTS; i++)
		cchc_buf_dispose(&charts[i].png);
}
