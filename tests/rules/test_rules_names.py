"""Names are shown family name first with a full-width space, whatever part is missing."""

import pytest

from scfn_desktop.rules.names import join_name


@pytest.mark.parametrize(
    ("family", "given", "shown"),
    [("山田", "花子", "山田　花子"), ("山田", "", "山田"), ("", "花子", "花子"), ("", "", ""),
     ("ヤマダ", "ハナコ", "ヤマダ　ハナコ")],
)
def test_join_name(family: str, given: str, shown: str) -> None:
    assert join_name(family, given) == shown
