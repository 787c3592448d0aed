"""The engine: compiled rules, text analysis and resolution behind one object."""

from triage.engine.engine import Engine, RuleInfo

__all__ = ["Engine", "RuleInfo"]
