"""U1's twelve columns of normal draws are named, in MODEL.md's order (z0 to z11), and each moves
what its name says: a column moved by a name that is wrong would move another parameter."""

import numpy as np

from decision_aid.model.engine import DRAW_COLUMNS
from decision_aid.model.sobol import DIMENSIONS

# MODEL.md, U1: "z0, z1 study anchors; z2 shape; z3 age HR; z4 DMT HR; z5 EDSS HR; z6 later anchor R;
# z7 OS5; z8 EDSS transport; z9 later anchor P; z10, z11 Delta_R, Delta_P".
SPEC_ORDER = ("study_anchor_relapsing", "study_anchor_progressive", "shape", "age", "dmts", "edss",
              "later_anchor_relapsing", "os5", "edss_transport", "later_anchor_progressive", "change_relapsing",
              "change_progressive")


def test_every_dimension_has_one_name_in_the_specifications_order(model):
    assert DRAW_COLUMNS == SPEC_ORDER and len(DRAW_COLUMNS) == DIMENSIONS
    assert {"age", "dmts", "edss"} <= set(model.hr)  # the hazard-ratio columns are named as Model.hr names them


def test_the_shape_column_moves_the_shape_alone(model):
    """z2 is the shape's: the drawn shapes are k + 0.20 z2, clipped (U2); their median is the point k."""
    draws = model.parameter_draws(4096)
    assert abs(float(np.median(draws.shape)) - model.shape) < 0.01
    assert 0.19 < float(np.std(draws.shape)) < 0.21
