"""Illustrations for the demo newsroom, drawn with Pillow: no downloads, no stock photos.

Every picture is a flat, poster-style composition (river landscapes, skylines, a bridge, charts,
transit maps...) drawn at twice its size and scaled down, which smooths the edges. Drawing is
deterministic: the same key always gives the same picture. What to draw (palettes, the pool of
scenes, their titles and alt text, portrait colours) is data: ``data/illustrations.toml``.
"""

import math
import random
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from news.demo.loader import DemoDataError, illustrations

SCALE = 2  # draw at twice the size, then downsample: cheap anti-aliasing
LEAD_SIZE = (1600, 900)
SQUARE_SIZE = 600
RECIPES = illustrations()


def hex_rgb(value):
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t):
    """Blend two RGB colours; t=0 gives a, t=1 gives b."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


@dataclass(frozen=True)
class Palette:
    sky_top: str
    sky_bottom: str
    light: str
    accent: str
    mid: str
    dark: str
    warm: str

    def rgb(self, name):
        return hex_rgb(getattr(self, name))


PALETTES = {
    name: Palette(**{field: colours[field] for field in Palette.__dataclass_fields__})
    for name, colours in RECIPES["palettes"].items()
}


class Canvas:
    """A drawing surface at SCALE times the final size, with helpers in final-size units."""

    def __init__(self, size, background=(255, 255, 255)):
        self.width, self.height = size
        self.image = Image.new("RGB", (self.width * SCALE, self.height * SCALE), background)
        self.draw = ImageDraw.Draw(self.image)

    def s(self, value):
        return round(value * SCALE)

    def pts(self, points):
        return [(self.s(x), self.s(y)) for x, y in points]

    def gradient(self, top, bottom, box=None):
        """A vertical gradient: a one-pixel column of colours, stretched over the box."""
        x0, y0, x1, y1 = box or (0, 0, self.width, self.height)
        w, h = self.s(x1 - x0), self.s(y1 - y0)
        if w <= 0 or h <= 0:
            return
        column = Image.new("RGB", (1, h))
        column.putdata([mix(top, bottom, i / max(h - 1, 1)) for i in range(h)])
        self.image.paste(column.resize((w, h), Image.Resampling.NEAREST), (self.s(x0), self.s(y0)))

    def rect(self, box, fill, radius=0):
        box = [self.s(v) for v in box]
        if radius:
            self.draw.rounded_rectangle(box, radius=self.s(radius), fill=fill)
        else:
            self.draw.rectangle(box, fill=fill)

    def ellipse(self, box, fill=None, outline=None, width=1):
        self.draw.ellipse([self.s(v) for v in box], fill=fill, outline=outline, width=self.s(width))

    def circle(self, cx, cy, r, fill=None, outline=None, width=1):
        self.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill, outline=outline, width=width)

    def polygon(self, points, fill):
        self.draw.polygon(self.pts(points), fill=fill)

    def line(self, points, fill, width=1, joint="curve"):
        self.draw.line(self.pts(points), fill=fill, width=self.s(width), joint=joint)

    def overlay(self, painter, opacity):
        """Run ``painter(draw)`` on a transparent layer and blend it in at ``opacity``."""
        layer = Image.new("L", self.image.size, 0)
        painter(ImageDraw.Draw(layer))
        if opacity < 1:
            layer = layer.point(lambda v: round(v * opacity))
        return layer

    def tint(self, mask, colour):
        """Paint ``colour`` through ``mask``, touching only the area the mask covers."""
        bbox = mask.getbbox()
        if bbox:
            region = Image.new("RGB", (bbox[2] - bbox[0], bbox[3] - bbox[1]), colour)
            self.image.paste(region, bbox[:2], mask.crop(bbox))

    def finish(self):
        return self.image.reduce(SCALE)


def wave(width, base, amplitude, rng, step=20):
    """Points along a gentle irregular ridge line from x=0 to x=width."""
    phases = [rng.uniform(0, math.tau) for _ in range(3)]
    freqs = [rng.uniform(0.6, 1.4), rng.uniform(1.8, 3.2), rng.uniform(4.5, 7.0)]
    weights = [1.0, 0.45, 0.15]
    points = []
    for x in range(0, width + step, step):
        t = x / width * math.tau
        y = sum(w * math.sin(f * t + p) for w, f, p in zip(weights, freqs, phases, strict=True))
        points.append((x, base + amplitude * y / sum(weights)))
    return points


# Scenes -------------------------------------------------------------------------------------


def scene_river(c, pal, rng):
    w, h = c.width, c.height
    c.gradient(pal.rgb("sky_top"), pal.rgb("sky_bottom"), (0, 0, w, h * 0.62))
    sun_x, sun_y = rng.uniform(0.2, 0.8) * w, rng.uniform(0.2, 0.33) * h
    glow = c.overlay(
        lambda d: d.ellipse(
            [c.s(v) for v in (sun_x - 150, sun_y - 150, sun_x + 150, sun_y + 150)], fill=255
        ),
        0.18,
    )
    c.tint(glow, pal.rgb("light"))
    c.circle(sun_x, sun_y, 78, fill=pal.rgb("warm"))
    far, near = pal.rgb("sky_bottom"), pal.rgb("dark")
    layers = 4
    for i in range(layers):
        t = (i + 1) / (layers + 1)
        colour = mix(mix(far, pal.rgb("mid"), 0.55), near, t * 0.9)
        ridge = wave(w, h * (0.42 + 0.09 * i), 38 - 5 * i, rng)
        c.polygon([*ridge, (w, h), (0, h)], colour)
    # The river: a band that widens towards the viewer.
    water = pal.rgb("sky_bottom")
    top = h * 0.72
    centre = rng.uniform(0.35, 0.65) * w
    left = [
        (centre - 30 - (y - top) * 1.4 + 60 * math.sin(y / 40), y)
        for y in range(int(top), h + 20, 20)
    ]
    right = [
        (centre + 30 + (y - top) * 1.6 + 60 * math.sin(y / 40), y)
        for y in range(int(top), h + 20, 20)
    ]
    c.polygon([*left, *reversed(right)], mix(water, pal.rgb("light"), 0.25))
    for _ in range(14):
        y = rng.uniform(top + 10, h - 10)
        span = (y - top) * 0.9 + 20
        x = centre + rng.uniform(-span, span) * 0.6
        c.line([(x - span * 0.25, y), (x + span * 0.25, y)], pal.rgb("light"), width=3)


def scene_skyline(c, pal, rng):
    w, h = c.width, c.height
    horizon = h * 0.66
    c.gradient(pal.rgb("sky_top"), pal.rgb("sky_bottom"), (0, 0, w, horizon))
    c.circle(rng.uniform(0.15, 0.85) * w, h * 0.22, 60, fill=pal.rgb("warm"))
    for row, (shade, low, high) in enumerate(((0.45, 0.25, 0.45), (0.85, 0.12, 0.32))):
        colour = mix(pal.rgb("sky_bottom"), pal.rgb("dark"), shade)
        x = -20
        while x < w:
            bw = rng.randint(60, 150)
            top = horizon - rng.uniform(low, high) * h * (1.0 if row else 1.2)
            c.rect((x, top, x + bw - 6, horizon), colour)
            if rng.random() < 0.25:
                c.polygon(
                    [(x, top), (x + (bw - 6) / 2, top - rng.randint(25, 60)), (x + bw - 6, top)],
                    colour,
                )
            if rng.random() < 0.15:
                c.rect((x + bw / 2 - 4, top - 70, x + bw / 2, top), colour)
            if row:  # lit windows on the near buildings
                for wy in range(int(top) + 18, int(horizon) - 14, 26):
                    for wx in range(int(x) + 12, int(x + bw) - 20, 22):
                        if rng.random() < 0.32:
                            c.rect((wx, wy, wx + 9, wy + 13), pal.rgb("warm"))
            x += bw
    # Water with a broken reflection of the skyline.
    c.gradient(
        mix(pal.rgb("sky_bottom"), pal.rgb("dark"), 0.55), pal.rgb("dark"), (0, horizon, w, h)
    )
    band = c.image.crop((0, c.s(horizon - (h - horizon)), c.s(w), c.s(horizon)))
    band = band.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    mask = Image.new("L", band.size, 0)
    md = ImageDraw.Draw(mask)
    for y in range(0, band.size[1], c.s(9)):
        md.rectangle([0, y, band.size[0], y + c.s(5)], fill=round(110 * (1 - y / band.size[1])))
    c.image.paste(band, (0, c.s(horizon)), mask)
    c.line([(0, horizon), (w, horizon)], pal.rgb("light"), width=2)


def scene_bridge(c, pal, rng):
    w, h = c.width, c.height
    water_top = h * 0.68
    c.gradient(pal.rgb("sky_top"), pal.rgb("sky_bottom"), (0, 0, w, water_top))
    far = mix(pal.rgb("sky_bottom"), pal.rgb("mid"), 0.5)
    c.polygon([*wave(w, h * 0.58, 22, rng), (w, water_top), (0, water_top)], far)
    c.gradient(
        mix(pal.rgb("sky_bottom"), pal.rgb("mid"), 0.35), pal.rgb("mid"), (0, water_top, w, h)
    )
    deck_top, deck_bottom = h * 0.44, h * 0.5
    arches = rng.choice([3, 4, 5])
    span = w / arches
    mask = Image.new("L", c.image.size, 0)
    md = ImageDraw.Draw(mask)
    md.rectangle([0, c.s(deck_top), c.s(w), c.s(water_top + 4)], fill=255)
    for i in range(arches):
        x0, x1 = i * span + span * 0.12, (i + 1) * span - span * 0.12
        md.ellipse(
            [c.s(x0), c.s(deck_bottom + 10), c.s(x1), c.s(water_top + (x1 - x0) * 0.55)], fill=0
        )
    c.tint(mask, pal.rgb("dark"))
    c.rect((0, deck_top - 14, w, deck_top), pal.rgb("accent"))
    for x in range(0, w, 36):  # parapet posts
        c.rect((x, deck_top - 34, x + 8, deck_top - 14), pal.rgb("dark"))
    c.rect((0, deck_top - 38, w, deck_top - 32), pal.rgb("dark"))
    for _ in range(18):
        y = rng.uniform(water_top + 30, h - 10)
        x = rng.uniform(0, w)
        c.line([(x, y), (x + rng.uniform(40, 140), y)], pal.rgb("light"), width=3)


def scene_chart(c, pal, rng):
    w, h = c.width, c.height
    c.gradient(pal.rgb("light"), pal.rgb("sky_top"))
    base = h * 0.82
    for y in range(int(base), int(h * 0.15), -90):
        c.line([(120, y), (w - 120, y)], mix(pal.rgb("sky_bottom"), pal.rgb("light"), 0.3), width=2)
    bars = 9
    gap = (w - 240) / bars
    heights = []
    level = rng.uniform(0.25, 0.4)
    colours = [pal.rgb("mid"), pal.rgb("accent"), pal.rgb("warm")]
    for i in range(bars):
        level = min(0.62, max(0.12, level + rng.uniform(-0.08, 0.12)))
        heights.append(level)
        x = 120 + i * gap + gap * 0.18
        c.rect(
            (x, base - level * h, x + gap * 0.64, base),
            colours[i % 3] if i % 4 == 3 else colours[0],
            radius=10,
        )
    points = [(120 + i * gap + gap * 0.5, base - hgt * h - 70) for i, hgt in enumerate(heights)]
    c.line(points, pal.rgb("dark"), width=7)
    for x, y in points:
        c.circle(x, y, 13, fill=pal.rgb("light"), outline=pal.rgb("dark"), width=6)
    c.rect((120, base, w - 120, base + 6), pal.rgb("dark"))


def scene_bauhaus(c, pal, rng):
    w, h = c.width, c.height
    c.gradient(pal.rgb("light"), mix(pal.rgb("light"), pal.rgb("sky_top"), 0.8))
    cell = 300
    colours = [pal.rgb(name) for name in ("accent", "mid", "dark", "warm", "sky_bottom")]
    cols, rows = math.ceil(w / cell), math.ceil(h / cell)
    ox, oy = (w - cols * cell) / 2, (h - rows * cell) / 2
    for gy in range(rows):
        for gx in range(cols):
            x, y = ox + gx * cell, oy + gy * cell
            kind = rng.choice(["circle", "half", "quarter", "square", "blank", "rings"])
            colour = rng.choice(colours)
            pad = 22
            if kind == "circle":
                c.circle(x + cell / 2, y + cell / 2, cell / 2 - pad, fill=colour)
            elif kind == "half":
                c.rect((x + pad, y + pad, x + cell - pad, y + cell - pad), rng.choice(colours))
                box = [c.s(v) for v in (x + pad, y + pad, x + cell - pad, y + cell * 1.5 - pad * 3)]
                c.draw.pieslice(box, 180, 360, fill=colour)
            elif kind == "quarter":
                start = rng.choice([0, 90, 180, 270])
                box = [
                    c.s(v)
                    for v in (
                        x + pad - cell / 2,
                        y + pad - cell / 2,
                        x + cell * 1.5 - pad * 3,
                        y + cell * 1.5 - pad * 3,
                    )
                ]
                if start in (90, 180):
                    box = [
                        c.s(v)
                        for v in (x + pad, y + pad - cell, x + cell * 2 - pad * 3, y + cell - pad)
                    ]
                c.draw.pieslice(box, start, start + 90, fill=colour)
            elif kind == "square":
                c.rect((x + pad, y + pad, x + cell - pad, y + cell - pad), colour, radius=6)
                c.circle(x + cell / 2, y + cell / 2, cell / 5, fill=pal.rgb("light"))
            elif kind == "rings":
                for r in range(int(cell / 2 - pad), 10, -34):
                    c.circle(x + cell / 2, y + cell / 2, r, outline=colour, width=12)


def scene_clouds(c, pal, rng):
    w, h = c.width, c.height
    c.gradient(pal.rgb("sky_top"), pal.rgb("sky_bottom"))
    c.circle(w * rng.uniform(0.6, 0.85), h * 0.28, 90, fill=pal.rgb("warm"))

    def cloud(d, cx, cy, size):
        for dx, dy, r in (
            (-1.1, 0.25, 0.55),
            (-0.45, -0.15, 0.75),
            (0.35, -0.05, 0.65),
            (1.0, 0.3, 0.5),
        ):
            d.ellipse(
                [
                    c.s(v)
                    for v in (
                        cx + dx * size - r * size,
                        cy + dy * size - r * size,
                        cx + dx * size + r * size,
                        cy + dy * size + r * size,
                    )
                ],
                fill=255,
            )
        d.rounded_rectangle(
            [
                c.s(cx - 1.5 * size),
                c.s(cy + 0.05 * size),
                c.s(cx + 1.45 * size),
                c.s(cy + 0.8 * size),
            ],
            radius=c.s(0.35 * size),
            fill=255,
        )

    for i in range(5):
        size = rng.uniform(70, 130)
        cx, cy = rng.uniform(0.05, 0.95) * w, rng.uniform(0.12, 0.5) * h
        mask = c.overlay(
            lambda d, cx=cx, cy=cy, size=size: cloud(d, cx, cy, size), 0.85 if i % 2 else 1
        )
        c.tint(mask, mix(pal.rgb("light"), pal.rgb("sky_bottom"), 0.15 * (i % 3)))
    rain = pal.rgb("light")
    for _ in range(160):
        x, y = rng.uniform(-100, w), rng.uniform(h * 0.45, h)
        c.line([(x, y), (x + 18, y + 46)], mix(rain, pal.rgb("sky_bottom"), 0.35), width=3)
    c.polygon([*wave(w, h * 0.9, 14, rng), (w, h), (0, h)], pal.rgb("dark"))


def scene_transit(c, pal, rng):
    w, h = c.width, c.height
    c.gradient(pal.rgb("light"), mix(pal.rgb("light"), pal.rgb("sky_top"), 0.7))
    # The river runs underneath every map.
    river = wave(w, h * 0.55, 60, rng, step=10)
    c.line(river, mix(pal.rgb("sky_top"), pal.rgb("mid"), 0.25), width=70)
    colours = [pal.rgb("accent"), pal.rgb("mid"), pal.rgb("warm"), pal.rgb("dark")]
    stations = []
    for i, colour in enumerate(colours):
        y = h * (0.2 + 0.18 * i)
        points = [(-40, y)]
        x = -40
        while x < w + 40:
            x += rng.choice([160, 220, 280])
            if rng.random() < 0.4:
                dy = rng.choice([-1, 1]) * rng.choice([90, 140])
                y = min(h * 0.85, max(h * 0.12, y + dy))
                x += abs(dy)  # 45-degree bends, as transit maps draw them
            points.append((x, y))
        c.line(points, colour, width=22)
        stations.extend(points[1:-1])
    for x, y in stations:
        c.circle(x, y, 17, fill=(255, 255, 255), outline=pal.rgb("dark"), width=7)


def scene_mosaic(c, pal, rng):
    w, h = c.width, c.height
    cell = 150
    colours = [pal.rgb(name) for name in ("sky_top", "sky_bottom", "mid", "accent", "dark", "warm")]
    weights = [5, 4, 3, 1, 2, 1]
    for gy in range(0, h + cell, cell):
        for gx in range(0, w + cell, cell):
            a, b = rng.choices(colours, weights, k=2)
            tl, tr, br, bl = (gx, gy), (gx + cell, gy), (gx + cell, gy + cell), (gx, gy + cell)
            if rng.random() < 0.5:
                c.polygon([tl, tr, br], a)
                c.polygon([tl, br, bl], mix(b, a, 0.2))
            else:
                c.polygon([tl, tr, bl], a)
                c.polygon([tr, br, bl], mix(b, a, 0.2))
    cx, cy = w * rng.uniform(0.3, 0.7), h * 0.5
    c.circle(cx, cy, 210, fill=pal.rgb("light"))
    c.circle(cx, cy, 150, fill=pal.rgb("accent"))


def scene_contours(c, pal, rng):
    w, h = c.width, c.height
    c.gradient(pal.rgb("sky_top"), pal.rgb("sky_bottom"))
    hills = [
        (rng.uniform(0.3, 0.45) * w, rng.uniform(0.4, 0.6) * h, 16),
        (rng.uniform(0.75, 0.85) * w, rng.uniform(0.2, 0.3) * h, 4),
    ]
    for n, (cx, cy, rings) in enumerate(hills):
        phases = [rng.uniform(0, math.tau) for _ in range(2)]
        for k in range(rings):
            radius = 36 + k * 44
            points = []
            for step in range(0, 361, 5):
                t = math.radians(step)
                wobble = 1 + 0.1 * math.sin(3 * t + phases[0]) + 0.05 * math.sin(5 * t + phases[1])
                points.append(
                    (cx + math.cos(t) * radius * wobble * 1.35, cy + math.sin(t) * radius * wobble)
                )
            major = k % 4 == 3
            colour = mix(
                pal.rgb("dark" if major else "mid"), pal.rgb("sky_top"), 0.2 + 0.5 * k / rings
            )
            c.line(points, colour, width=5 if major else 3)
        if n == 0:
            c.circle(cx, cy, 16, fill=pal.rgb("accent"), outline=pal.rgb("light"), width=5)


def scene_civic(c, pal, rng):
    w, h = c.width, c.height
    c.gradient(pal.rgb("sky_top"), pal.rgb("sky_bottom"))
    stone, shade = pal.rgb("light"), mix(pal.rgb("light"), pal.rgb("mid"), 0.3)
    left, right = w * 0.2, w * 0.8
    steps_top = h * 0.8
    for i in range(4):
        c.rect(
            (left - 40 - 18 * i, steps_top + i * 24, right + 40 + 18 * i, steps_top + (i + 1) * 24),
            mix(stone, shade, i / 4),
        )
    c.rect((left, h * 0.34, right, h * 0.38), stone)
    c.polygon([(left - 40, h * 0.34), (w / 2, h * 0.12), (right + 40, h * 0.34)], stone)
    c.polygon([(left + 30, h * 0.32), (w / 2, h * 0.17), (right - 30, h * 0.32)], shade)
    c.circle(w / 2, h * 0.27, 26, fill=pal.rgb("warm"))
    columns = 8
    gap = (right - left) / columns
    for i in range(columns):
        x = left + i * gap + gap * 0.25
        c.rect((x - 8, h * 0.38, x + gap * 0.5 + 8, h * 0.41), stone)
        c.rect((x, h * 0.41, x + gap * 0.5, steps_top - 24), stone)
        for f in range(1, 4):
            fx = x + gap * 0.5 * f / 4
            c.line([(fx, h * 0.43), (fx, steps_top - 30)], shade, width=3)
        c.rect((x - 8, steps_top - 24, x + gap * 0.5 + 8, steps_top), stone)
    c.rect((0, steps_top + 96, w, h), pal.rgb("mid"))


def scene_books(c, pal, rng):
    w, h = c.width, c.height
    c.gradient(pal.rgb("light"), pal.rgb("sky_top"))
    shelf_y = h * 0.78
    colours = [pal.rgb(name) for name in ("accent", "mid", "dark", "warm", "sky_bottom")]
    x = 110
    while x < w - 160:
        bw = rng.randint(44, 92)
        bh = rng.uniform(0.38, 0.62) * h
        colour = rng.choice(colours)
        if rng.random() < 0.12 and x > 200:  # a book leaning on its neighbour
            c.polygon(
                [
                    (x, shelf_y),
                    (x + bw, shelf_y),
                    (x + bw + bh * 0.3, shelf_y - bh * 0.95),
                    (x + bh * 0.3, shelf_y - bh * 0.95),
                ],
                colour,
            )
            x += bw + bh * 0.3 + 6
            continue
        c.rect((x, shelf_y - bh, x + bw, shelf_y), colour, radius=4)
        band = mix(colour, pal.rgb("light"), 0.55)
        c.rect((x + 6, shelf_y - bh + 30, x + bw - 6, shelf_y - bh + 42), band)
        c.rect((x + 6, shelf_y - 50, x + bw - 6, shelf_y - 42), band)
        x += bw + 6
    c.rect((60, shelf_y, w - 60, shelf_y + 26), pal.rgb("dark"), radius=4)
    c.rect((60, shelf_y + 26, w - 60, shelf_y + 40), mix(pal.rgb("dark"), pal.rgb("light"), 0.25))


def scene_market(c, pal, rng):
    w, h = c.width, c.height
    c.gradient(pal.rgb("light"), pal.rgb("sky_top"))
    c.rect((0, h * 0.86, w, h), pal.rgb("dark"))
    shops = 3
    sw = w / shops
    for i in range(shops):
        x0 = i * sw + 30
        x1 = (i + 1) * sw - 30
        wall = mix(pal.rgb("light"), pal.rgb(rng.choice(["sky_bottom", "warm", "mid"])), 0.45)
        c.rect((x0, h * 0.18, x1, h * 0.86), wall)
        c.rect((x0 + 40, h * 0.5, x1 - 40, h * 0.86), mix(pal.rgb("dark"), pal.rgb("mid"), 0.3))
        c.rect(
            (x0 + 54, h * 0.53, (x0 + x1) / 2 - 8, h * 0.83),
            mix(pal.rgb("light"), pal.rgb("sky_top"), 0.5),
        )
        c.rect(((x0 + x1) / 2 + 8, h * 0.53, x1 - 54, h * 0.86), pal.rgb("dark"))
        c.rect((x0 + 40, h * 0.22, x1 - 40, h * 0.3), pal.rgb("dark"), radius=6)
        stripe_colour = pal.rgb(["accent", "mid", "warm"][i % 3])
        stripes = 8
        top, bottom = h * 0.34, h * 0.45
        sw_i = (x1 - x0 + 40) / stripes
        for s in range(stripes):
            sx = x0 - 20 + s * sw_i
            colour = stripe_colour if s % 2 == 0 else (255, 255, 255)
            c.polygon(
                [(sx + 10, top), (sx + sw_i + 10, top), (sx + sw_i, bottom), (sx, bottom)], colour
            )
            box = [c.s(v) for v in (sx, bottom - sw_i / 2, sx + sw_i, bottom + sw_i / 2)]
            c.draw.pieslice(box, 0, 180, fill=colour)


def scene_stars(c, pal, rng):
    w, h = c.width, c.height
    c.gradient(pal.rgb("dark"), pal.rgb("sky_bottom"))
    for _ in range(260):
        x, y, r = rng.uniform(0, w), rng.uniform(0, h * 0.75), rng.choice([1, 1, 1.5, 2, 2.5])
        c.circle(x, y, r, fill=mix(pal.rgb("light"), pal.rgb("warm"), rng.random() * 0.4))
    for _ in range(5):  # meteors: a bright head and a fading tail
        x, y = rng.uniform(0.2, 0.95) * w, rng.uniform(0.05, 0.4) * h
        length = rng.uniform(140, 300)
        for i in range(12):
            t0, t1 = i / 12, (i + 1) / 12
            colour = mix(pal.rgb("sky_bottom"), pal.rgb("light"), 1 - t0)
            c.line(
                [
                    (x - length * t0, y - length * 0.45 * t0),
                    (x - length * t1, y - length * 0.45 * t1),
                ],
                colour,
                width=4 - 3 * t0,
            )
        c.circle(x, y, 4, fill=pal.rgb("light"))
    hill = wave(w, h * 0.82, 26, rng)
    c.polygon([*hill, (w, h), (0, h)], pal.rgb("dark"))
    dome_x = w * 0.7
    base = min(y for x, y in hill if abs(x - dome_x) < 40) + 6
    c.rect((dome_x - 70, base - 70, dome_x + 70, base + 10), pal.rgb("dark"))
    c.draw.pieslice(
        [c.s(v) for v in (dome_x - 80, base - 150, dome_x + 80, base + 10)],
        180,
        360,
        fill=pal.rgb("dark"),
    )
    c.rect((dome_x - 10, base - 150, dome_x + 10, base - 80), pal.rgb("warm"))
    c.rect((dome_x - 40, base - 40, dome_x - 20, base - 15), pal.rgb("warm"))


SCENES = {
    "river": scene_river,
    "skyline": scene_skyline,
    "bridge": scene_bridge,
    "chart": scene_chart,
    "bauhaus": scene_bauhaus,
    "clouds": scene_clouds,
    "transit": scene_transit,
    "mosaic": scene_mosaic,
    "contours": scene_contours,
    "civic": scene_civic,
    "books": scene_books,
    "market": scene_market,
    "stars": scene_stars,
}
if unknown := set(RECIPES["scenes"]) - set(SCENES):
    raise DemoDataError(f"illustrations.toml: no drawing code for the scenes {sorted(unknown)}")


def render_scene(scene, palette, seed, size=LEAD_SIZE):
    canvas = Canvas(size)
    SCENES[scene](canvas, PALETTES[palette], random.Random(seed))
    return canvas.finish()


# The pool of lead images: one per scene and palette listed in the recipes. Articles name one by
# key ("scene-palette"); generated articles cycle through the pool, so ten thousand articles
# still need only these pictures.
def pool_key(scene, palette):
    return f"{scene}-{palette}"


POOL = [
    pool_key(scene, palette)
    for scene, recipe in RECIPES["scenes"].items()
    for palette in recipe["palettes"]
]


def describe(key):
    """Title and alt text for a pool image."""
    scene, palette = key.split("-", 1)
    recipe, words = RECIPES["scenes"][scene], RECIPES["palettes"][palette]
    return f"{recipe['title']} ({palette})", recipe["alt"].format(**words)


def render_pool_image(key):
    scene, palette = key.split("-", 1)
    return render_scene(scene, palette, seed=key)


# Portraits and marks ------------------------------------------------------------------------

SKIN_TONES = RECIPES["skin_tones"]
HAIR_COLOURS = RECIPES["hair_colours"]


def render_portrait(seed, palette, skin, hair, hair_style, shirt):
    """A friendly flat illustration of a head and shoulders, for author photos."""
    size = (SQUARE_SIZE, SQUARE_SIZE)
    c = Canvas(size)
    pal = PALETTES[palette]
    c.gradient(pal.rgb("sky_top"), pal.rgb("sky_bottom"))
    rng = random.Random(seed)
    c.circle(
        300 + rng.uniform(-150, 150),
        120 + rng.uniform(-40, 40),
        170,
        fill=mix(pal.rgb("light"), pal.rgb("sky_top"), 0.4),
    )
    skin_rgb, hair_rgb, shirt_rgb = hex_rgb(skin), hex_rgb(hair), pal.rgb(shirt)
    cx = 300
    if hair_style == "long":
        c.rect((cx - 150, 170, cx + 150, 470), hair_rgb, radius=120)
    c.ellipse((cx - 230, 430, cx + 230, 820), shirt_rgb)  # shoulders
    c.polygon(
        [(cx - 60, 430), (cx, 500), (cx + 60, 430)], mix(shirt_rgb, (255, 255, 255), 0.55)
    )  # collar
    c.rect((cx - 48, 340, cx + 48, 460), mix(skin_rgb, (0, 0, 0), 0.12), radius=30)  # neck
    c.ellipse((cx - 118, 140, cx + 118, 420), skin_rgb)  # face
    c.ellipse((cx - 136, 250, cx - 100, 320), skin_rgb)  # ears
    c.ellipse((cx + 100, 250, cx + 136, 320), skin_rgb)
    if hair_style == "short":
        c.draw.chord([c.s(v) for v in (cx - 124, 120, cx + 124, 330)], 180, 360, fill=hair_rgb)
    elif hair_style == "long":
        c.draw.chord([c.s(v) for v in (cx - 130, 118, cx + 130, 340)], 175, 365, fill=hair_rgb)
    elif hair_style == "bun":
        c.circle(cx, 118, 62, fill=hair_rgb)
        c.draw.chord([c.s(v) for v in (cx - 122, 128, cx + 122, 320)], 180, 360, fill=hair_rgb)
    elif hair_style == "curly":
        for angle in range(160, 390, 22):
            t = math.radians(angle)
            c.circle(cx + math.cos(t) * 112, 250 + math.sin(t) * 118, 48, fill=hair_rgb)
    elif hair_style == "bald":
        c.draw.arc(
            [c.s(v) for v in (cx - 118, 140, cx + 118, 420)],
            200,
            340,
            fill=mix(skin_rgb, (255, 255, 255), 0.25),
            width=c.s(8),
        )
    features = mix(skin_rgb, (0, 0, 0), 0.55)
    c.circle(cx - 45, 280, 10, fill=features)
    c.circle(cx + 45, 280, 10, fill=features)
    c.draw.arc([c.s(v) for v in (cx - 42, 300, cx + 42, 360)], 20, 160, fill=features, width=c.s(7))
    return c.finish()


def font(size, serif=True):
    names = ["DejaVuSerif-Bold.ttf", "DejaVuSerif.ttf"] if serif else ["DejaVuSans-Bold.ttf"]
    folders = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]
    for folder in folders:
        for name in names:
            if (folder / name).exists():
                return ImageFont.truetype(str(folder / name), size)
    return ImageFont.load_default(size=size)


def render_mark(letters, palette, seed, style="circle", size=SQUARE_SIZE):
    """A square logo: initials on a coloured field, with a simple motif."""
    c = Canvas((size, size))
    pal = PALETTES[palette]
    rng = random.Random(seed)
    k = size / 600
    if style == "ledger":  # the site's own mark: a monogram over the river
        c.rect((0, 0, size, size), pal.rgb("dark"))
        c.circle(size / 2, size / 2, 250 * k, fill=pal.rgb("mid"))
        for i in range(3):
            y = size * (0.66 + 0.07 * i)
            points = [
                (x, y + 10 * k * math.sin(x / (40 * k)))
                for x in range(int(size * 0.14), int(size * 0.86), 6)
            ]
            c.line(points, pal.rgb("light"), width=12 * k)
        fill = pal.rgb("light")
        position = (size / 2, size * 0.42)
    elif style == "square":
        c.rect((0, 0, size, size), pal.rgb("light"))
        c.rect((60 * k, 60 * k, size - 60 * k, size - 60 * k), pal.rgb("accent"), radius=40 * k)
        fill = (255, 255, 255)
        position = (size / 2, size / 2)
    elif style == "stripes":
        c.rect((0, 0, size, size), pal.rgb("mid"))
        for i in range(-6, 12):
            x = i * 90 * k
            c.polygon(
                [(x, size), (x + 45 * k, size), (x + 45 * k + size, 0), (x + size, 0)],
                mix(pal.rgb("mid"), pal.rgb("dark"), 0.25),
            )
        c.circle(size / 2, size / 2, 200 * k, fill=pal.rgb("light"))
        fill = pal.rgb("dark")
        position = (size / 2, size / 2)
    else:
        c.rect((0, 0, size, size), pal.rgb("sky_top"))
        c.circle(size / 2, size / 2, 240 * k, fill=pal.rgb("dark"))
        c.circle(
            size / 2,
            size / 2,
            240 * k,
            outline=pal.rgb(rng.choice(["accent", "warm"])),
            width=14 * k,
        )
        fill = pal.rgb("light")
        position = (size / 2, size / 2)
    text_size = (170 if len(letters) > 1 else 230) * k * SCALE
    c.draw.text(
        (c.s(position[0]), c.s(position[1])),
        letters,
        font=font(round(text_size)),
        fill=fill,
        anchor="mm",
    )
    return c.finish()


def to_jpeg(image, quality=84):
    buffer = BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def to_png(image):
    buffer = BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
