"""The course's colours, in one place and with no imports, so any module can use them.

Okabe & Ito (2008): eight colours that stay distinguishable under the common forms of
colour blindness, plus the neutral greys the charts and feedback boxes use for text,
outlines and empty cells. Colour never carries meaning alone: every use pairs it with a
symbol, a word or a label.
"""

PALETTE = {
    "orange": "#E69F00", "sky_blue": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "black": "#000000",
    "grey": "#999999",
}

NEUTRAL = {
    "text": "#333333",  # dark grey text on light cells
    "outline": "#666666",  # tile and marker outlines
    "empty": "#EEEEEE",  # a cell with no data
    "white": "#FFFFFF",
    "muted": "#555555",  # secondary text
}
