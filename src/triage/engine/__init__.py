"""The engine: compiled rules, text analysis and resolution behind one object."""

from triage.engine.engine import DecisionHook, Engine, EngineOptions, RuleInfo

__all__ = ["DecisionHook", "Engine", "EngineOptions", "RuleInfo"]
