"""The model's constants, in one place, each with what it stands for.

These are the rules the debrief shows so a class can question them. They are not measured
facts: they are chosen so that the historical policy reproduces the documented course (see
GAME.md, "Calibration", and tests/engine/test_calibration.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Params:
    # Joining. Monthly share of private households that join, by stance, before the cadre factor.
    voluntary_join: float = 0.0005         # joins with no campaign at all
    persuade_join: float = 0.003           # extra voluntary joining under persuasion
    forced_join: dict = field(default_factory=lambda: {
        "hold": 0.0, "persuade": 0.0, "pressure": 0.18, "force": 0.85})
    fear_join: float = 0.6                 # extra forced joining per share of households deported
    # Cadres: a stance needs people to carry it out. Factor for 0, 1, 2+ brigades.
    cadre_factor: tuple = (0.5, 0.8, 1.0)
    # Leaving, once the centre allows it: monthly share of forced members who leave, by stance.
    leave_forced: dict = field(default_factory=lambda: {
        "hold": 0.62, "persuade": 0.58, "pressure": 0.45, "force": 0.35})
    leave_voluntary: float = 0.03
    leave_unallowed: float = 0.003         # forced members who slip away while leaving is not allowed
    # Livestock: share of a joining household's animals slaughtered or sold off before joining.
    slaughter_on_joining: dict = field(default_factory=lambda: {
        "horses": 0.08, "cattle": 0.2, "pigs": 0.35, "sheep": 0.3})
    # Monthly share of private animals slaughtered in fear, by stance.
    fear_slaughter: dict = field(default_factory=lambda: {
        "hold": 0.0, "persuade": 0.0, "pressure": 0.02, "force": 0.05})
    winter_loss_socialized: dict = field(default_factory=lambda: {  # monthly, Nov-Mar: no fodder, no care
        "horses": 0.025, "cattle": 0.03, "pigs": 0.02, "sheep": 0.035})
    spring_births: float = 0.02            # monthly increase of cattle, pigs, sheep, Apr-Jun, if fed
    hunger_slaughter: dict = field(default_factory=lambda: {  # monthly share eaten at full hunger
        "horses": 0.0, "cattle": 0.08, "pigs": 0.15, "sheep": 0.15})
    fodder_kg: dict = field(default_factory=lambda: {   # grain fed to an animal a month (oats, meal)
        "horses": 25.0, "pigs": 8.0})
    fodder_loss: float = 0.06              # monthly share of horses and pigs lost at no fodder at all
    # Grain.
    press_multiplier: dict = field(default_factory=lambda: {
        "light": 0.6, "normal": 1.0, "hard": 1.4, "maximum": 2.0})
    food_protected_months: dict = field(default_factory=lambda: {
        "light": 6.0, "normal": 3.0, "hard": 1.0, "maximum": 0.0})
    hiding: float = 0.5                    # share of sought grain hidden at resistance 100
    grain_loss: float = 0.02               # monthly share of stocks lost, spoiled or sold off
    seed_rate: float = 0.15                # t of seed per ha sown
    horse_ploughs: float = 6.0             # ha a horse can plough in a sowing month
    tractor_ploughs: float = 60.0          # ha a tractor can plough in a sowing month
    winter_yield: float = 0.9              # t/ha
    spring_yield: float = 0.75             # t/ha
    winter_kill: float = 0.1               # share of winter sowings lost
    weather_spread: float = 0.08           # a harvest varies at random by up to this share
    # People, per month.
    birth_rate: float = 0.0035             # about 42 per 1,000 a year, the peasant rate of the 1920s
    base_death_rate: float = 0.0018        # about 22 per 1,000 a year
    famine_death_rate: float = 0.03        # extra deaths at full hunger (index 100)
    hunger_flight: float = 0.03            # households fleeing at full hunger, if roads are open
    force_flight: float = 0.01             # private households selling up and leaving under force
    # Resistance and trust: monthly change by stance (scaled by the cadre factor).
    stance_resistance: dict = field(default_factory=lambda: {
        "hold": -4.0, "persuade": -1.0, "pressure": 5.0, "force": 12.0})
    stance_trust: dict = field(default_factory=lambda: {
        "hold": 2.0, "persuade": 2.0, "pressure": -3.0, "force": -8.0})
    resistance_per_forced_share: float = 50.0   # per share of households forced in this month
    resistance_per_deported_share: float = 120.0
    resistance_per_seized_share: float = 20.0  # per share of the village's grain taken this month
    resistance_per_leaving_share: float = 45.0  # the spring exodus: property taken back, riots
    resistance_per_hunger: float = 0.1      # per point of hunger
    resistance_disorder: float = 0.3        # share of sowing lost to disorder at resistance 100
    trust_per_deported_share: float = 60.0
    trust_per_seized_share: float = 15.0
    trust_per_hunger: float = 0.1
    resistance_decay: float = 0.25          # monthly pull back toward the village's starting level
    # Open unrest: expected mass disturbances a month per 1,000 households at resistance 100.
    disturbance_rate: float = 1.0
    disturbance_coercion: float = 3.0
    disturbance_leaving: float = 6.0
    unrest_per_seized_share: float = 0.3   # a month's seizures count a third as much as coercion
    # Standing with the centre.
    standing_collectivization: float = 40.0  # per share above or below the expected path
    standing_procurement: float = 10.0      # per unit of fulfilment above or below the plan to date
    standing_kulak: float = 5.0
    standing_per_disturbance: float = 1.5
    standing_force_condemned: float = 6.0   # per month of force after excesses are condemned
    standing_scapegoat: float = 40.0        # once, per share of households forced in, when condemned
    standing_drift: float = 0.08            # monthly pull of standing back toward standing_rest:
    standing_rest: float = 55.0             # the centre judges by what was done lately
    # Reports and inspections.
    inflate: float = 1.15
    understate: float = 0.85
    ratchet: float = 0.05                   # quota raised per inflated grain report
    audit_chance: float = 0.12              # per unchecked false report, per turn
    audit_inflated: float = 15.0            # standing lost when an inflated report is found
    audit_understated: float = 25.0         # standing lost when concealment is found
    removal_standing: float = 10.0          # below this the player is removed


PARAMS = Params()
