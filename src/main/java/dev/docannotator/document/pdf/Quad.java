package dev.docannotator.document.pdf;

import java.util.List;

/**
 * A quadrilateral in PDF default user space: the box of a glyph, or of a highlighted line segment.
 * "Lower" and "upper" are relative to the text's own orientation, not to the page.
 */
record Quad(float llx, float lly, float lrx, float lry, float ulx, float uly, float urx, float ury) {

    /**
     * The smallest quad, oriented like the first glyph's baseline, that holds all the given glyph boxes of one line.
     * Works for text in any direction, as glyph boxes on rotated pages are not axis-aligned in general.
     */
    static Quad enclosing(List<Quad> boxes) {
        Quad first = boxes.get(0);
        double ux = first.lrx - first.llx;
        double uy = first.lry - first.lly;
        double length = Math.hypot(ux, uy);
        if (length < 1e-6) {
            // a zero-width glyph gives no direction: fall back to the direction of its vertical side
            double vx = first.ulx - first.llx;
            double vy = first.uly - first.lly;
            double height = Math.hypot(vx, vy);
            ux = height < 1e-6 ? 1 : vy / height;
            uy = height < 1e-6 ? 0 : -vx / height;
        } else {
            ux /= length;
            uy /= length;
        }
        // "up" is perpendicular to the baseline, on the side where the glyphs' tops are
        double wx = -uy;
        double wy = ux;
        if ((first.ulx - first.llx) * wx + (first.uly - first.lly) * wy < 0) {
            wx = -wx;
            wy = -wy;
        }
        double minA = Double.POSITIVE_INFINITY;
        double maxA = Double.NEGATIVE_INFINITY;
        double minW = Double.POSITIVE_INFINITY;
        double maxW = Double.NEGATIVE_INFINITY;
        for (Quad box : boxes) {
            float[] xs = {box.llx, box.lrx, box.ulx, box.urx};
            float[] ys = {box.lly, box.lry, box.uly, box.ury};
            for (int i = 0; i < 4; i++) {
                double a = xs[i] * ux + ys[i] * uy;
                double w = xs[i] * wx + ys[i] * wy;
                minA = Math.min(minA, a);
                maxA = Math.max(maxA, a);
                minW = Math.min(minW, w);
                maxW = Math.max(maxW, w);
            }
        }
        return new Quad(
                (float) (minA * ux + minW * wx), (float) (minA * uy + minW * wy),
                (float) (maxA * ux + minW * wx), (float) (maxA * uy + minW * wy),
                (float) (minA * ux + maxW * wx), (float) (minA * uy + maxW * wy),
                (float) (maxA * ux + maxW * wx), (float) (maxA * uy + maxW * wy));
    }

    /** The eight numbers of a /QuadPoints entry, in the order viewers expect: UL, UR, LL, LR. */
    float[] toQuadPoints() {
        return new float[] {ulx, uly, urx, ury, llx, lly, lrx, lry};
    }

    Quad translate(float dx, float dy) {
        return new Quad(llx + dx, lly + dy, lrx + dx, lry + dy, ulx + dx, uly + dy, urx + dx, ury + dy);
    }

    float minX() {
        return Math.min(Math.min(llx, lrx), Math.min(ulx, urx));
    }

    float maxX() {
        return Math.max(Math.max(llx, lrx), Math.max(ulx, urx));
    }

    float minY() {
        return Math.min(Math.min(lly, lry), Math.min(uly, ury));
    }

    float maxY() {
        return Math.max(Math.max(lly, lry), Math.max(uly, ury));
    }
}
