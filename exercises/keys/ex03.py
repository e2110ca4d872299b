"""Answer key for exercise 03, how routine policing becomes immigration enforcement (lesson 03).
Facts as of 2026-11-28; pipeline steps and funnel from the course's pipeline_steps table and model."""

L = "Lesson 03"
STAGES = ["encounter", "arrest", "booking", "fingerprint_check", "ice_review", "detainer", "hold"]

KEY = {
    "q1": {
        "kind": "sequence",
        "form": 'Write a list of the six stage names in order, e.g. q1 = ["arrest", "encounter", ...].',
        "answer": ["encounter", "arrest", "booking", "fingerprint_check", "detainer", "hold"],
        "explanation": ("The usual path runs through booking: an encounter, a custodial arrest on a state charge, "
                        "booking with fingerprints sent to the FBI and shared with DHS, then (if ICE wants the "
                        "person) a detainer, and last the jail's decision whether to hold."),
        "hint": ("Nothing reaches federal databases before booking, and ICE's detainer request comes before the "
                 "jail decides whether to hold."),
        "section": f"{L}, sections 2-4 (the stop and the arrest; booking; the detainer and the hold)",
        "sources": ["dhs_johnson_scomm_memo_2014", "cfr_8_287_7"],
    },
    "q2": {
        "kind": "choice",
        "form": 'Write one letter in quotes, e.g. q2 = "a".',
        "options": {
            "a": "Whether the officer asks the driver about immigration status.",
            "b": "Whether the officer makes a custodial arrest (and so a booking) rather than giving a warning or a citation.",
            "c": "Whether ICE has an officer on duty that night.",
            "d": "Whether the driver's state of residence limits cooperation with ICE.",
        },
        "answer": "b",
        "explanation": ("Only a custodial arrest leads to booking, and booking is where fingerprints are taken and "
                        "shared with DHS automatically; a warning or citation ends the encounter at the roadside."),
        "feedback": {
            "a": ("Asking may be lawful during the stop (Arizona), but the automatic route to ICE is the booking "
                  "fingerprint check, which only a custodial arrest triggers."),
            "c": "The fingerprint match happens in federal systems at booking, whoever is on duty.",
            "d": ("State limits act later, at the hold and release steps; they do not stop the fingerprint match "
                  "once someone is booked."),
        },
        "section": f"{L}, sections 2 and 3",
        "sources": ["dhs_johnson_scomm_memo_2014", "case_arizona_2012"],
    },
    "q3": {
        "kind": "choice",
        "form": 'Write one letter in quotes, e.g. q3 = "a".',
        "options": {
            "a": "Holding the person past release on an ICE hold request alone.",
            "b": "The fingerprint match that tells ICE about the arrest.",
            "c": "Transferring the person to ICE without a judicial warrant, judicial probable-cause finding or listed conviction.",
            "d": "Using local resources to arrest people for immigration enforcement.",
        },
        "answer": "b",
        "explanation": ("The fingerprint match happens in federal systems (FBI to DHS), so ICE still learns of the "
                        "arrest; California's Values Act changes the hold, transfer and resource steps, not the "
                        "match."),
        "feedback": {
            "a": "SB 54 bars holds on ICE hold requests, with no exceptions (Cal. Gov't Code 7284.6).",
            "c": ("SB 54 allows transfer only on a federal judicial warrant or judicial probable-cause "
                  "determination, or for people with listed convictions."),
            "d": ("SB 54 bars using state and local resources to investigate, interrogate, detain or arrest people "
                  "for immigration enforcement."),
        },
        "section": f"{L}, section 5 (States that restrict cooperation)",
        "sources": ["ca_sb54_2017", "dhs_johnson_scomm_memo_2014"],
    },
    "q4": {
        "kind": "prediction",
        "var": "q4_prediction",
        "labels": STAGES,
        "form": "Write one stage name in quotes, e.g. \"booking\".",
        "section": f"{L}, sections 4-6",
        "sources": [],
    },
    "q5": {
        "kind": "items",
        "form": 'Write a list of stage names in quotes, e.g. q5 = ["arrest"].',
        "answer": ["booking", "fingerprint_check", "detainer", "hold"],
        "explanation": ("In the course table the Task Force path goes from the roadside arrest straight to ICE "
                        "review and transfer: booking, the fingerprint check, the detainer and the hold drop out, "
                        "because the deputized officer can question and arrest in the field."),
        "hint": ('Take the set of "stage" values for regime "no_agreement" minus the set for regime "tfm".'),
        "section": f"{L}, section 5 (287(g) agreements) and the explorer in section 6",
        "sources": ["nif_287g_revival_2025", "ice_287g_factsheet"],
    },
    "q6": {
        "kind": "number",
        "form": "Write a number, e.g. q6 = 10.",
        "answer": 125,
        "tolerance": 1e-6,
        "explanation": ("With 1,000 bookings and the default assumed rates (1, 0.5, 0.5, then 1 for the hold, "
                        "then 0.5), the model gives 125. With the hold rate at 0 it gives 0. These are the "
                        "explorer's illustrative assumptions, not measured rates: the point is which step a state "
                        "law changes, not the number."),
        "feedback_values": [(0, "That is the result with held = 0; set it to 1."),
                            (62.5, "That is the result with the default held = 0.5; set it to 1.")],
        "hint": 'Call funnel(1000, dict(DEFAULT_RATES, held=1.0)) and read "Taken into ICE custody".',
        "section": f"{L}, section 6, part 2 (the what-if funnel)",
        "sources": [],
    },
    "q7": {
        "kind": "mapping",
        "labels": ["empirical", "legal", "normative"],
        "form": 'Write a dictionary, e.g. q7 = {"c1": "legal", "c2": "normative", ...}.',
        "answer": {"c1": "empirical", "c2": "legal", "c3": "empirical", "c4": "normative", "c5": "legal",
                   "c6": "normative"},
        "explanation": ("c1 and c3 are claims about facts in the world (c3 a causal one), testable with data; c2 and "
                        "c5 are claims about what the law is, tested against the regulation, statute and cases; "
                        "c4 and c6 say what ought to happen, which evidence can inform but not settle."),
        "feedback": {
            "c1": "A share of arrests by place is a checkable fact about the world: empirical.",
            "c2": "What a detainer legally is comes from the regulation and Galarza: a legal claim.",
            "c3": ("'Limits are a main reason...' is a causal claim about the world: empirical, though hard to "
                   "test (lesson 03, section 7)."),
            "c4": "'Should' marks a claim about what ought to be: normative.",
            "c5": "What SB 54 requires is read from the statute: a legal claim.",
            "c6": "'Ought to' marks a normative claim; the law itself varies by state.",
        },
        "section": f"{L}, section 7 (What the research shows, and what it cannot)",
        "sources": ["cnn_ice_red_blue_states_2025_08", "ppi_ice_jails_update_20251215", "case_galarza_2014",
                    "ca_sb54_2017", "il_trust_act_2017"],
    },
    "q9": {
        "kind": "prediction",
        "var": "q9_prediction",
        "labels": ["allowed", "not allowed", "required", "depends"],
        "form": 'Write "allowed", "not allowed", "required" or "depends".',
        "section": f"{L}, section 2 (The stop and the arrest)",
        "sources": [],
    },
    "q10": {
        "kind": "label",
        "labels": ["charge", "custody", "location", "person"],
        "form": 'Write "charge", "custody", "location" or "person".',
        "answer": "charge",
        "explanation": ("New Jersey's Immigrant Trust Directive (AG Directive 2018-6, revised 2019) lets officers ask "
                        "about immigration status only when that is necessary to investigate a serious (indictable) "
                        "offense, so the answer turns on what the driver is suspected of or charged with; the "
                        "branches table gives the answer for each charge."),
        "feedback": {
            "custody": "The driver is already stopped in every branch; the directive's test is the offense.",
            "location": "The stop is at the roadside in every branch; the directive's test is the offense.",
            "person": ("The directive limits the question itself, whoever the driver turns out to be; its test is "
                       "the offense under investigation."),
        },
        "section": f"{L}, section 5 (States that restrict cooperation)",
        "sources": ["nj_ag_dir_2018_6"],
    },
}
