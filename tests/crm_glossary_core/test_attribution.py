"""Revenue attribution weights (addons/crm_glossary_core/tools/attribution.py)."""

import pytest


@pytest.fixture(scope="module")
def attribution(addon_tool):
    return addon_tool("crm_glossary_core", "attribution")


@pytest.mark.parametrize("count", [1, 2, 3, 4, 7])
@pytest.mark.parametrize("model", ["first_touch", "last_touch", "linear", "u_shaped"])
def test_weights_of_a_deal_add_up_to_one(attribution, model, count):
    weights = attribution.weights(model, [float(i) for i in range(count)])
    assert len(weights) == count
    assert sum(weights) == pytest.approx(1.0)


def test_no_touch_no_weight(attribution):
    for model in attribution.MODELS:
        assert attribution.weights(model, []) == []


def test_first_and_last_touch(attribution):
    assert attribution.first_touch(3) == [1.0, 0.0, 0.0]
    assert attribution.last_touch(3) == [0.0, 0.0, 1.0]


def test_u_shaped_gives_40_20_40(attribution):
    assert attribution.u_shaped(1) == [1.0]
    assert attribution.u_shaped(2) == [0.5, 0.5]
    assert attribution.u_shaped(3) == pytest.approx([0.4, 0.2, 0.4])
    assert attribution.u_shaped(4) == pytest.approx([0.4, 0.1, 0.1, 0.4])


def test_time_decay_halves_every_half_life(attribution):
    # ages at the win: 14 days, 7 days, 0 days, half-life 7 days → raw 1/4, 1/2, 1
    weights = attribution.time_decay([14.0, 7.0, 0.0], half_life_days=7)
    assert weights == pytest.approx([0.25 / 1.75, 0.5 / 1.75, 1 / 1.75])
    assert weights[2] == pytest.approx(2 * weights[1])


def test_time_decay_refuses_a_non_positive_half_life(attribution):
    with pytest.raises(ValueError):
        attribution.time_decay([1.0], half_life_days=0)


def test_unknown_model_is_refused(attribution):
    with pytest.raises(ValueError):
        attribution.weights("w_shaped", [1.0])
