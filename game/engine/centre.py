"""The centre: directives, requests to the oblast, the player's standing, reports, inspections.

The centre sees only what the player reports. Inflated reports raise standing now, raise the
next quota (the ratchet) and may be found out later; understated ones lower the quota but are
punished hard when found.
"""

from __future__ import annotations

from game.engine.access import district_share
from game.engine.params import PARAMS
from game.engine.rng import Rng
from game.engine.scenario import Scenario
from game.model.common import month_index, month_name
from game.model.decision import Orders, Report
from game.model.state import FalseReport, GameState, LogEntry


def _entry(state: GameState, kind: str, text: str) -> LogEntry:
    return LogEntry(turn=state.turn, month=month_name(state.month), kind=kind, text=text)


def apply_directives(state: GameState, scenario: Scenario, months: int = 1) -> list[LogEntry]:
    """Directives dated in the current month (or the next `months`) change the quotas, targets,
    cadres and flags."""
    lines = []
    months = range(state.month, state.month + months)
    for d in scenario.level.directives:
        if month_index(d.date) not in months:
            continue
        if d.grain_quota is not None:
            state.grain_quota = d.grain_quota
            state.campaign_start = state.month
            for v in state.villages:
                v.delivered = 0.0
            state.quota_raise = max(0.0, state.quota_raise)
        if d.campaign_end is not None:
            state.campaign_end = month_index(d.campaign_end)
        if d.collectivization_target is not None:
            state.collectivization_target = d.collectivization_target
            state.target_date = month_index(d.target_date) if d.target_date else None
            state.target_from = (state.month, district_share(state))
        if d.kulak_quota is not None:
            state.kulak_quota = d.kulak_quota
        if d.cadres is not None:
            state.cadres = d.cadres
        if d.relief:
            state.reserve += d.relief
        if d.tractors:
            state.tractors += d.tractors
        if d.seed_loan:
            land = sum(v.arable for v in state.villages) or 1.0
            for v in state.villages:
                v.seed += d.seed_loan * v.arable / land
        for flag, on in d.flags.items():
            (state.flags.add if on else state.flags.discard)(flag)
        lines.append(_entry(state, "directive", f"{d.title}. {d.text}"))
    return lines


def answer_request(state: GameState, orders: Orders, rng: Rng, level_ration: float) -> list[LogEntry]:
    """The oblast answers a request: more likely the better the player's standing."""
    if orders.request == "none":
        return []
    state.standing = max(0.0, state.standing - 2)  # asking admits the district cannot cope
    granted = rng.chance(0.2 + 0.6 * state.standing / 100)
    if orders.request == "seed_loan":
        if granted:
            for v in state.villages:
                v.seed += v.arable * 0.1 * PARAMS.seed_rate
            return [_entry(state, "news", "The oblast grants a seed loan, to be repaid from the harvest.")]
        return [_entry(state, "news", "The oblast refuses the seed loan: the district must find its own seed.")]
    if orders.request == "food_aid":
        if granted:
            people = sum(v.population for v in state.villages)
            state.reserve += people * level_ration / 1000
            return [_entry(state, "news", "The oblast sends a month of food aid to the district reserve.")]
        return [_entry(state, "news", "The oblast refuses food aid and asks why the plan is not met.")]
    if granted:
        state.tractors += 2
        return [_entry(state, "news", "The Machine-Tractor Station sends two tractors for the sowing.")]
    return [_entry(state, "news", "No tractors can be spared: the columns are promised elsewhere.")]


def _expected_share(state: GameState) -> float | None:
    if state.collectivization_target <= 0 or state.target_date is None or state.target_from is None:
        return None
    start_month, start_share = state.target_from
    span = max(1, state.target_date - start_month)
    progress = min(1.0, (state.month + 1 - start_month) / span)
    return start_share + (state.collectivization_target - start_share) * progress


def report(state: GameState, decision: Report, orders: Orders, scenario: Scenario,
           rng: Rng) -> list[LogEntry]:
    """Take the player's report, move standing, and run the inspections."""
    lines = []
    true_share = district_share(state)
    factor = {"honest": 1.0, "inflated": PARAMS.inflate, "understated": PARAMS.understate}
    reported_share = min(1.0, true_share * factor[decision.collectivization])
    state.reported_share = reported_share
    for subject, kind in (("collectivization", decision.collectivization), ("grain", decision.grain)):
        if kind != "honest":
            state.false_reports.append(FalseReport(turn=state.turn, subject=subject, direction=kind))
    delivered = sum(v.delivered for v in state.villages)
    reported_delivered = delivered * factor[decision.grain]
    if decision.grain == "inflated":
        state.quota_raise += PARAMS.ratchet
    elif decision.grain == "understated":
        state.quota_raise -= PARAMS.ratchet

    months = scenario.level.turn_months
    change = (1 - (1 - PARAMS.standing_drift) ** months) * (PARAMS.standing_rest - state.standing)
    expected = _expected_share(state)
    if expected is not None:
        change += max(-8.0, min(4.0, PARAMS.standing_collectivization * (reported_share - expected)))
    if state.grain_quota > 0 and state.campaign_end is not None and state.campaign_start is not None:
        span = state.campaign_end - state.campaign_start + 1
        done = min(span, state.month - state.campaign_start + 1)
        plan_to_date = state.grain_quota * (1 + state.quota_raise) * done / span
        if plan_to_date > 0 and state.month <= state.campaign_end:
            change += max(-4.0, min(3.0, PARAMS.standing_procurement * (reported_delivered / plan_to_date - 1)))
    if state.kulak_quota > 0:
        change += max(-5.0, min(2.0, PARAMS.standing_kulak * (state.kulaks_removed / state.kulak_quota - 0.5)))
    change -= PARAMS.standing_per_disturbance * sum(v.disturbances for v in state.villages)
    if "excesses_condemned" in state.flags and "excesses_reckoned" not in state.flags:
        # The spring 1930 reckoning: the centre blames districts for the excesses it demanded,
        # the more the more households were forced in.
        forced = sum(v.households_forced for v in state.villages) / max(1.0, sum(v.households for v in state.villages))
        change -= PARAMS.standing_scapegoat * forced
        state.flags.add("excesses_reckoned")
        if forced > 0.1:
            lines.append(_entry(state, "report", f"The okrug committee reviews the 'distortions' in the "
                                f"district: {forced:.0%} of households were driven into the kolkhozy."))
    if "excesses_condemned" in state.flags and any(o.stance == "force" for o in orders.villages.values()):
        change -= PARAMS.standing_force_condemned
        lines.append(_entry(state, "report", "The oblast committee names the district among those "
                                             "guilty of 'excesses' in the kolkhoz movement."))
    state.standing = max(0.0, min(100.0, state.standing + change))
    lines.append(_entry(state, "report", _report_text(decision, reported_share, reported_delivered)))
    lines += _inspect(state, rng)
    return lines


def _report_text(decision: Report, share: float, delivered: float) -> str:
    return (f"Reported to the centre: {share:.0%} of households in kolkhozy "
            f"({decision.collectivization}), {delivered:,.0f} t of grain delivered ({decision.grain}).")


def _inspect(state: GameState, rng: Rng) -> list[LogEntry]:
    lines, kept = [], []
    chance = PARAMS.audit_chance * (2 if "under_investigation" in state.flags else 1)
    for fr in state.false_reports:
        if fr.turn == state.turn or not rng.chance(chance):
            kept.append(fr)
            continue
        if fr.direction == "inflated":
            state.standing = max(0.0, state.standing - PARAMS.audit_inflated)
            text = (f"An inspection finds that your {fr.subject} report of turn {fr.turn} was inflated. "
                    "You are reprimanded for deceiving the party.")
        else:
            state.standing = max(0.0, state.standing - PARAMS.audit_understated)
            state.flags.add("accused_of_concealment")
            text = (f"An inspection finds that your {fr.subject} report of turn {fr.turn} understated "
                    "the truth. You are accused of concealing grain from the state.")
        lines.append(_entry(state, "audit", text))
    state.false_reports = kept
    return lines
