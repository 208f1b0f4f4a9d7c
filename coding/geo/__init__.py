"""Offline geocoding: a gazetteer built from GeoNames data in PyPI packages, place mentions from the
parse, disambiguation from the story's context, and the event's location columns."""

from coding.geo.gazetteer import Gazetteer, load_gazetteer
from coding.geo.locate import locate
from coding.geo.resolve import Location, StoryPlaces

__all__ = ["Gazetteer", "Location", "StoryPlaces", "load_gazetteer", "locate"]
