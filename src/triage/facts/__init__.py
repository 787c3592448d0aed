"""Facts: what the rules see, built from a complaint record and its text findings.

from triage.facts import Analyser

analyser = Analyser({"injury": ["受伤", "烫伤"]})
features = analyser.analyse("孩子被烫伤了")
features.facts["mentions"]  # ('injury',)
"""

from triage.facts.analyser import Analyser

__all__ = ["Analyser"]
