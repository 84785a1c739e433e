"""Job board adapters (one module each) behind one protocol; see base.py and registry.py."""
