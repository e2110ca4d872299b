"""Answer key for exercise 04, detainers and jails (lesson 04). Law as recorded in the course tables on
2026-11-28; the 48-hour clock follows 8 C.F.R. 287.7(d) and, for "holidays", the course's stated assumption
of the federal holidays of 5 U.S.C. 6103 (observed days)."""

from immfed.data.vocabulary import codes

# The detainer tool's answer words, as the vocabulary table defines them
DETAINER_ANSWERS = list(codes("detainer_answer"))
CLOCK_SOURCES = ["cfr_8_287_7", "usc_5_6103"]  # the 48-hour rule and the federal holidays the clock uses
# "Write one of "required", "permitted", "prohibited" or "unsettled" in quotes." built from the vocabulary
ONE_ANSWER_FORM = ("Write one of " + ", ".join(f'"{a}"' for a in DETAINER_ANSWERS[:-1])
                   + f' or "{DETAINER_ANSWERS[-1]}" in quotes.')


def clock_question(var: str, answer: dict, explanation: str, hint: str, section: str) -> dict:
    """A detainer-clock question: clock hours and days not counted, as a dictionary of numbers."""
    return {"kind": "numbers", "answer": answer, "explanation": explanation, "hint": hint, "section": section,
            "form": f'Write a dictionary of numbers, e.g. {var} = {{"clock_hours": 50, "days_not_counted": 1}}.',
            "sources": list(CLOCK_SOURCES)}

L = "Lesson 04"

KEY = {
    "q1": {
        "kind": "choice",
        "form": 'Write one letter in quotes, e.g. q1 = "a".',
        "options": {
            "a": "It is a court order signed by a judge, so the jail must obey it.",
            "b": ("It is ICE's request that the jail tell ICE before releasing the person and keep them up to 48 "
                  "hours beyond the time they would otherwise be released, not counting Saturdays, Sundays and "
                  "holidays."),
            "c": "It lets the jail keep the person for 48 hours counted from the moment of booking.",
            "d": ("Since 2017 it comes with an administrative warrant (I-200 or I-205), which turns it into a "
                  "judicial warrant."),
        },
        "answer": "b",
        "explanation": ("8 C.F.R. 287.7(a) calls a detainer a notice asking another agency to hold a person for ICE, "
                        "and 287.7(d) limits the hold to 48 hours beyond release, excluding Saturdays, Sundays and "
                        "holidays. The Third Circuit read it as a request in Galarza v. Szalczyk (2014)."),
        "feedback": {
            "a": ("An immigration officer signs Form I-247A, not a judge, and courts treat it as a request: in "
                  "Galarza (3d Cir. 2014) the county that chose to hold a man could be liable."),
            "c": ("The clock starts when the person would otherwise be released (bail posted, charges dropped, "
                  "sentence served), not at booking; while charges are pending the jail holds them on the charges."),
            "d": ("ICE Policy 10074.2 (2017) attaches an I-200 or I-205, but those warrants are signed by "
                  "immigration officers, not judges (8 C.F.R. 236.1), so they are not judicial warrants."),
        },
        "section": f"{L}, section 1 (What a detainer is)",
        "sources": ["cfr_8_287_7", "case_galarza_2014", "ice_policy_10074_2", "cfr_8_236_1"],
    },
    "q2": {
        "kind": "choice",
        "form": 'Write one letter in quotes, e.g. q2 = "c".',
        "options": {
            "a": "Saturday 16 January 2027, 09:00",
            "b": "Sunday 17 January 2027, 17:00",
            "c": "Wednesday 20 January 2027, 17:00",
            "d": "Tuesday 19 January 2027, 17:00",
        },
        "answer": "c",
        "explanation": ("The clock starts at release (Friday 15 January, 17:00), not at booking. Friday gives 7 "
                        "countable hours; Saturday and Sunday do not count (8 C.F.R. 287.7(d)); Monday 18 January is "
                        "Martin Luther King Jr. Day, a federal holiday under 5 U.S.C. 6103; Tuesday gives 24 (31 in "
                        "all); Wednesday's first 17 hours make 48, so the hold must end by Wednesday 20 January, "
                        "17:00."),
        "feedback": {
            "a": ("That counts 48 clock hours from booking. The window starts when the person would otherwise be "
                  "released (bail posted Friday 17:00), and it skips Saturdays, Sundays and holidays."),
            "b": ("That is 48 clock hours after release. 8 C.F.R. 287.7(d) excludes Saturdays, Sundays and "
                  "holidays, and Monday 18 January is Martin Luther King Jr. Day."),
            "d": ("That skips the weekend but counts Monday 18 January, Martin Luther King Jr. Day, one of the "
                  "federal holidays of 5 U.S.C. 6103, which the lesson's clock uses for 'holidays'."),
        },
        "section": f"{L}, section 3 (The 48-hour clock)",
        "sources": list(CLOCK_SOURCES),
    },
    "q3": clock_question(
        "q3", {"clock_hours": 120, "days_not_counted": 3},
        ("Release due Thursday 31 December 2026 at 20:00: 4 countable hours that evening; Friday 1 "
         "January 2027 (New Year's Day), Saturday and Sunday do not count; Monday gives 24 (28 in all) "
         "and Tuesday's first 20 hours make 48. The window ends Tuesday 5 January 2027, 20:00, 120 "
         "hours of clock time after release."),
        hint=("Call detainer_clock(\"2026-12-31 20:00\") for the end, subtract the release time and divide the "
              "seconds by 3600; clock_segments(...) lists the pieces, and the ones with counted == False are the "
              "days that do not count."),
        section=f"{L}, section 3 (The 48-hour clock)"),
    "q4": {
        "kind": "mapping",
        "labels": DETAINER_ANSWERS,
        "form": ('Write a dictionary, e.g. q4 = {"tx": "permitted", "ca": "permitted", "pa": "permitted", '
                 '"fl": "permitted"}.'),
        "answer": {"tx": "required", "ca": "prohibited", "pa": "unsettled", "fl": "required"},
        "explanation": ("Texas SB 4 (2017) makes jails comply with ICE detainer requests, and the Fifth Circuit upheld "
                        "it (El Cenizo, 2018); California's SB 54 (2017) bars holds on ICE hold requests; Pennsylvania "
                        "has no state detainer law in the course data: federal law makes the detainer a request "
                        "(8 C.F.R. 287.7; Galarza), and whether a jail there has the state-law power to make the new "
                        "arrest a hold amounts to is unsettled (courts in Massachusetts and New York found no such "
                        "power in their law); Florida's law counts ICE's complete official form stating probable cause as "
                        "a detainer, naming a warrant only as an example, so its duty reaches a detainer sent alone."),
        "feedback": {
            "tx": ("Texas SB 4 (2017) requires compliance with any ICE detainer request, administrative detainers "
                   "included; El Cenizo (5th Cir. 2018) upheld it."),
            "ca": ("California's SB 54 (2017) forbids holding people on ICE hold requests; an administrative warrant "
                   "signed by an ICE officer does not change that."),
            "pa": ("With no state detainer law in the course data, the detainer is only a request (8 C.F.R. 287.7(a); "
                   "Galarza), and holding someone past release is a new arrest that needs state-law power, which "
                   "no Pennsylvania statute or court has settled (compare Lunn, Mass. 2017, and Wells, N.Y. 2018)."),
            "fl": ("Florida's ch. 908 requires compliance with immigration detainers (908.105), and a detainer is ICE's "
                   "official form stating probable cause, facially sufficient if complete (908.102(2)(a)); detainers "
                   "with a warrant are only the example the definition names, so a detainer sent alone is covered."),
        },
        "section": f"{L}, section 5 (States that require compliance, states that limit it)",
        "sources": ["tx_sb4_2017", "case_el_cenizo_2018", "ca_sb54_2017", "cfr_8_287_7", "case_galarza_2014",
                    "case_lunn_2017", "case_wells_demarco_2018", "fl_ch908_2024", "fl_sb168_2019"],
    },
    "q5": {
        "kind": "prediction",
        "var": "q5_prediction",
        "labels": DETAINER_ANSWERS,
        "form": ONE_ANSWER_FORM,
        "answer": None,
        "explanation": "Any committed prediction earns the point.",
        "section": f"{L}, section 5 (States that require compliance, states that limit it)",
        "sources": ["nc_hb10_2024", "nc_hb318_2025"],
    },
    "q6": {
        "kind": "choice",
        "form": 'Write one letter in quotes, e.g. q6 = "a".',
        "options": {
            "a": "The ICE officer who signed the detainer.",
            "b": "A state judicial official, before whom the jail must bring the person.",
            "c": "A federal immigration judge.",
            "d": "The sheriff alone, on reading the detainer.",
        },
        "answer": "b",
        "explanation": ("Under N.C.G.S. 162-62(b1) (HB 10, 2024; HB 318, 2025), when ICE sends both a detainer and an "
                        "administrative warrant for a person charged with a covered offense, the jail must bring the "
                        "person before a state judicial official, who may order a hold of up to 48 hours. The hold "
                        "rests on that order, not on the detainer itself."),
        "feedback": {
            "a": ("The ICE officer's detainer is a request (8 C.F.R. 287.7(a)); in North Carolina the hold comes from "
                  "a state judicial official's order."),
            "c": ("Immigration judges hear removal cases; North Carolina's statute sends the person to a state "
                  "judicial official."),
            "d": ("The sheriff must follow the statute's procedure: bring the person before a state judicial "
                  "official, who decides whether to order the hold."),
        },
        "section": f"{L}, section 5 (North Carolina)",
        "sources": ["nc_hb10_2024", "nc_hb318_2025", "cfr_8_287_7"],
    },
    "q7": {
        "kind": "label",
        "labels": DETAINER_ANSWERS,
        "form": ONE_ANSWER_FORM,
        "answer": "unsettled",
        "explanation": ("North Carolina's procedure starts only when ICE has issued both a detainer and an "
                        "administrative warrant, so a bare detainer does not trigger it; the course's sources leave "
                        "the answer open, and the explorer says unsettled."),
        "feedback": {
            "required": ("The state's duty (N.C.G.S. 162-62(b1)) is triggered by a detainer together with an "
                         "administrative warrant; ICE sent a detainer alone here."),
            "permitted": ("'Permitted' would need state law to give the jail the power to make the new arrest a hold "
                          "amounts to; North Carolina's law covers a detainer with a warrant and does not say what to "
                          "do with a bare detainer, so that state-law power is an open question."),
            "prohibited": "No North Carolina law in the course data forbids holds; HB 10 and HB 318 mandate them.",
        },
        "section": f"{L}, section 5 (North Carolina; the detainer explorer)",
        "sources": ["nc_hb10_2024", "nc_hb318_2025"],
    },
    "q8": clock_question(
        "q8", {"clock_hours": 96, "days_not_counted": 2},
        ("For a release due Friday 27 November 2026 at 17:00 the timeline marks Saturday and Sunday as "
         "not counted, and the sentence under it says the 48 countable hours end Tuesday 1 December, "
         "17:00, 96 hours of clock time later."),
        hint=("Set the explorer's Release day to Fri 27 Nov 2026 and Release hour to 17, then read the sentence under "
              "the timeline; clock_segments(\"2026-11-27 17:00\") lists each day's piece, and the days with "
              "counted == False are the ones that do not count."),
        section=f"{L}, section 5 (Try it: the detainer explorer)"),
    "q9": {
        "kind": "choice",
        "form": 'Write one letter in quotes, e.g. q9 = "a".',
        "options": {
            "a": "Yes: 48 hours have passed since ICE lodged the detainer, so the jail must release her now.",
            "b": ("No: she is held on the pending charges, not on the detainer; the 48-hour window starts only when "
                  "she would otherwise be released."),
            "c": "No: a detainer has no time limit once it has been lodged.",
            "d": "Yes: a detainer lapses after 10 days unless a judge renews it.",
        },
        "answer": "b",
        "explanation": ("While the charges justify custody the jail holds the person on the charges; the detainer does "
                        "not add to or extend that custody. The window of 8 C.F.R. 287.7(d) begins when the person "
                        "would otherwise be released (bail posted, charges dropped, release ordered, sentence served)."),
        "feedback": {
            "a": ("The 48 hours are counted from the time she would otherwise be released, not from the day ICE "
                  "lodged the detainer (8 C.F.R. 287.7(d))."),
            "c": ("287.7(d) does set a limit: 48 hours beyond release, excluding Saturdays, Sundays and holidays. It "
                  "just has not started yet."),
            "d": "Nothing in 8 C.F.R. 287.7 sets a 10-day lapse or asks a judge to renew a detainer.",
        },
        "section": f"{L}, section 3 (The 48-hour clock)",
        "sources": ["cfr_8_287_7"],
    },
    "q10": {
        "kind": "codes",
        "form": 'Write a list of two-letter codes in quotes, any order, e.g. q10 = ["TX", "OK"].',
        "answer": ["IA", "NC"],
        "explanation": ("Two states: Iowa (Iowa Code 27A.1(1)) and North Carolina (G.S. 162-62(b1)) set their duties "
                        "for a detainer that comes with an ICE warrant, so a detainer sent alone falls back on whether "
                        "state law gives the power to hold. Florida and Montana are not among them: Florida's definition "
                        "names a warrant only as an example (Fla. Stat. 908.102(2)), and Montana's 2021 statute (Mont. "
                        "Code Ann. 27-16-801) makes the hold a duty for any detainer request, answering Ramon v. Short "
                        "(2020). Elsewhere the same question is asked by the federal-level rule, for states with no "
                        "statute at all."),
        "hint": ('Filter load("law_rules") to level == "state", actions containing "hold_past_release" and when '
                 'containing "state_arrest_law" (use .str.contains and .fillna("") for empty conditions), then take '
                 "the unique jurisdiction values."),
        "section": f"{L}, section 5 (States that require compliance, states that limit it)",
        "sources": ["ia_code_27a", "nc_hb318_2025", "fl_ch908_2024", "pocketlaw_mt_27_16_801"],
    },
    "q12": {
        "kind": "prediction",
        "var": "q12_prediction",
        "labels": ["allowed", "not allowed", "required", "depends"],
        "form": 'Write "allowed", "not allowed", "required" or "depends".',
        "section": f"{L}, section 5 (Try it: one detainer, three states)",
        "sources": [],
    },
    "q13": {
        "kind": "label",
        "labels": ["federal", "agreement", "state", "constitutional"],
        "form": 'Write "federal", "agreement", "state" or "constitutional".',
        "answer": "constitutional",
        "explanation": ("North Carolina's statute would require the hold (G.S. 162-62(b1)), but a U.S. citizen cannot "
                        "be held on civil immigration authority: the Third Circuit let a citizen held on a detainer sue "
                        "the county (Galarza v. Szalczyk, 2014), and ICE's own Directive 16001.2 requires officers to "
                        "investigate any sign of citizenship. That limit comes last in the chain and overrides the "
                        "state step."),
        "feedback": {
            "federal": ("The federal steps only describe the detainer and the warrant; the answer changes at the "
                        "last step, the constitutional limit on holding a citizen."),
            "agreement": ("The 287(g) agreement lets the officer act for ICE; it does not decide this. The last step, "
                          "the constitutional limit on holding a citizen, does."),
            "state": ("North Carolina's law is the step that would require the hold; a later step overrides it for "
                      "a U.S. citizen."),
        },
        "section": f"{L}, section 4 (The courts: a request, and a new seizure)",
        "sources": ["nc_gs_162_62", "case_galarza_2014", "ice_16001_2_2015"],
    },
}
