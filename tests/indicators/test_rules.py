from decimal import Decimal as D

from indicators.rules import Verdict, combine, verdict


def test_same_unit_compares_result_with_target():
    assert verdict(target=D(90), target_unit="ร้อยละ", result=D("67.85"), result_unit="ร้อยละ") == (
        Verdict.NOT_ACHIEVED
    )
    assert verdict(target=D(95), target_unit="ร้อยละ", result=D("95.92"), result_unit="ร้อยละ") == (
        Verdict.ACHIEVED
    )
    assert verdict(target=D(57), target_unit="โรงเรียน", result=D(57), result_unit="โรงเรียน") == (
        Verdict.ACHIEVED
    )


def test_percent_of_a_count_target_means_percent_achieved():
    # "a target of 38 persons met at ร้อยละ ๑๐๐"
    assert verdict(target=D(38), target_unit="คน", result=D(100), result_unit="ร้อยละ") == (
        Verdict.ACHIEVED
    )
    assert verdict(target=D(4), target_unit="ราย", result=D(75), result_unit="ร้อยละ") == (
        Verdict.NOT_ACHIEVED
    )


def test_lower_is_better_and_missing_values():
    assert (
        verdict(target=D(5), target_unit="ราย", result=D(3), result_unit="ราย", direction="at_most")
        == Verdict.ACHIEVED
    )
    assert verdict(target=D(5), target_unit="ราย", result=None, result_unit="ราย") == (
        Verdict.NOT_REPORTED
    )


def test_quarterly_values_combine_by_the_indicator_rule():
    values = [(2, D(10)), (1, D(30)), (3, D(20))]
    assert combine(values, "sum") == D(60)
    assert combine(values, "latest") == D(20)
    assert combine(values, "max") == D(30)
    assert combine([], "sum") is None


def test_a_quarter_is_judged_against_its_milestone_else_only_the_year_end():
    from indicators.rules import milestone

    target, milestones = D(100), {2: D(40)}
    assert milestone(target, milestones, 1) is None  # not judged yet
    assert milestone(target, milestones, 2) == D(40)
    assert milestone(target, milestones, 3) is None
    assert milestone(target, milestones, 4) == D(100)
    assert milestone(target, {4: D(90)}, 4) == D(90)


def test_a_quarter_without_a_milestone_is_not_due_reported_or_not():
    from indicators.rules import VERDICT_LABELS

    args = dict(target=D(100), target_unit="คน", result_unit="คน")
    assert verdict(**args, result=D(5), quarter=1) == Verdict.NOT_DUE
    assert verdict(**args, result=None, quarter=3) == Verdict.NOT_DUE
    assert verdict(**args, result=None, quarter=4) == Verdict.NOT_REPORTED
    assert VERDICT_LABELS[Verdict.NOT_DUE] == "ยังไม่ถึงกำหนดประเมิน"


def test_a_quarter_with_a_milestone_is_judged_against_it():
    args = dict(target=D(100), target_unit="คน", result_unit="คน", milestones={2: D(40)})
    assert verdict(**args, result=D(40), quarter=2) == Verdict.ACHIEVED
    assert verdict(**args, result=D(39), quarter=2) == Verdict.NOT_ACHIEVED
    assert verdict(**args, result=D(60), quarter=4) == Verdict.NOT_ACHIEVED  # the target
    lower = dict(args, direction="at_most")
    assert verdict(**lower, result=D(41), quarter=2) == Verdict.NOT_ACHIEVED
    # A result in ร้อยละ of a count target: at Q2 it must reach the milestone's share (40 %).
    share = dict(args, result_unit="ร้อยละ")
    assert verdict(**share, result=D(45), quarter=2) == Verdict.ACHIEVED
    assert verdict(**share, result=D(35), quarter=2) == Verdict.NOT_ACHIEVED
    assert verdict(**share, result=D(100), quarter=4) == Verdict.ACHIEVED
    # No target: any reported result counts, at the year's end as before.
    assert verdict(target=None, target_unit="คน", result=D(1), result_unit="คน") == (
        Verdict.ACHIEVED
    )
