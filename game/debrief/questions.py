"""Discussion questions, chosen from what this student did, in the six phases of
Thiagarajan's debriefing model: how do you feel, what happened, what did you learn, how does
it relate to the real world, what if, what next."""

from __future__ import annotations

from game.debrief.data import Debrief

PHASES = ("How do you feel?", "What happened?", "What did you learn?",
          "How does it relate to the real world?", "What if?", "What next?")


def questions(d: Debrief) -> list[tuple[str, list[str]]]:
    v, c = d.ledgers["villages"], d.ledgers["centre"]
    reports = [x for x in d.decisions if x.what == "report to the centre"]
    inflated = sum("(inflated)" in x.choice for x in reports)
    understated = sum("(understated)" in x.choice for x in reports)
    feel = ["Which decision was the hardest for you to take, and why?"]
    if d.cards:
        feel.append(f"You read “{d.cards[0].title}” first. What did you expect the job to be, and what was it?")
    happened = [f"Your fate was: {d.fate}. What led to it, turn by turn?"]
    if c["kulaks_removed_hh"]:
        happened.append(f"{c['kulaks_removed_hh']} households were deported as 'kulaks' in your district. "
                        "Who chose them, and on what grounds?")
    if v["excess_deaths"]:
        happened.append(f"{v['excess_deaths']:,} people died above the ordinary rate. When did the deaths begin, "
                        "and what had happened to the grain before?")
    if inflated or understated:
        happened.append(f"You sent {inflated} inflated and {understated} understated reports. What did the "
                        "centre do with them, and what did they cost the villages?")
    learn = ["What did the rules of the game reward, and what did they punish?",
             "Was there a choice that was good for the villages and safe for you? Why not?"]
    real = []
    for t in d.targets:
        real.append(f"The record: {t['record']} Your district: {_value(t)}. "
                    "Where does the game agree with the record, and why might a district differ?")
        if len(real) == 2:
            break
    real.append("Real district secretaries were promoted, reprimanded, removed or arrested. "
                "What does the ending's note say happened to officials in your position?")
    what_if = ["Go back to one decision and take the other choice: what do you expect to change, and what not?",
               "Could a cleverer secretary have met the plan without the cost to the villages? "
               "What in the game, and in the history, says no?"]
    if d.counterfactual:
        what_if.insert(0, "This level is a counterfactual. What does the model assume that the real "
                          "leadership of 1928-29 did not?")
    nxt = ["What does this simulation leave out? (Read the rules page: which rule would you change?)",
           "Which source cited on a card would you read to find out more, and what would you look for?"]
    return list(zip(PHASES, [feel, happened, learn, real, what_if, nxt]))


def _value(t: dict) -> str:
    """A target's value as the record words it: shares and changes in per cent."""
    v = t["value"]
    if not isinstance(v, float):
        return str(v)
    if t["check"] == "change":
        return f"{v:+.0%}"
    if t["check"] in ("share_of_total", "ratio") or t["series"] == "collectivized_share":
        return f"{v:.0%}"
    return f"{round(v, 2):,}"
