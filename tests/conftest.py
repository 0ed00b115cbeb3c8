import os, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

@pytest.fixture(autouse=True)
def _offline_home(tmp_path, monkeypatch):
    "Every test gets an empty weights cache and offline mode: nothing is ever downloaded."
    monkeypatch.setenv('TALKHEAD_HOME', str(tmp_path/'talkhead_home'))
    monkeypatch.setenv('TORCH_HOME', str(tmp_path/'torch_home'))
    monkeypatch.setenv('TALKHEAD_OFFLINE', '1')
