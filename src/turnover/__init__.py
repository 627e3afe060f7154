"""turnover: grounded trade facts from news, and a tracker of trade targets."""

from turnover.extract import EXTRACTOR_VERSION, extract
from turnover.models import ArticleFacts, Fact, Period, Person

__all__ = ["EXTRACTOR_VERSION", "ArticleFacts", "Fact", "Period", "Person", "extract"]
__version__ = "0.1.0"
