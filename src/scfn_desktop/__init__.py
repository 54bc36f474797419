"""scfn-desktop: offline certification of 外国人支援コーディネーター (SCFN)."""

__version__ = "0.1.0"
