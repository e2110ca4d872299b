"""Hand-written expectations for every rule in law_rules.csv, taken from the law's text.

Each case is (rule_id, facts, expected answer, authority ids the answer must rest on, extra)
where extra may give the expected deciding fact and branches. Expected values are typed here
from the cited text (pinpoint in the comment), never read from the table under test, so the
mutation check (tests/test_law_mutations.py) can show each row matters.
"""

L, J = "local_no_agreement", "jail"
DET, DAW = ("detainer",), ("detainer", "admin_warrant")


# The federal-level split for a state with no statute or ruling of its own (fed_hold_local_*).
SAL = {"fact": "state_arrest_law", "branches": {"authorizes": "allowed", "silent": "not allowed"}}
# A state duty that applies once the person is suspected, known or found to be unlawfully present (the trigger
# each state's text names is in the comment above its case).
UNLAWFUL = {"fact": "suspects_unlawful_presence", "branches": {"yes": "required", "no": "allowed"}}
# A warrantless civil arrest: allowed only if the person is likely to escape
# (8 U.S.C. 1357(a)(2); 8 C.F.R. 287.8(c)(2)(ii)).
ESCAPE = {"fact": "likely_to_escape", "branches": {"yes": "allowed", "no": "not allowed"}}
# A state courthouse protection for people attending court (each state's text is in the comment above its case).
COURT = {"fact": "attending_court", "branches": {"yes": "not allowed", "no": "allowed"}}


def bare(auth):
    """A bare detainer in a state whose mandate needs a warrant: turns on the state's own arrest power."""
    return {**SAL, "branch_ids": {"authorizes": (auth,), "silent": (auth,)}}


def c(rule_id, answer, ids, extra=None, **facts):
    return (rule_id, facts, answer, tuple(ids.split()), extra or {})


CASES = [
    # ---- federal baseline ----
    # 8 U.S.C. 1357(a)(1): officer may interrogate a person believed to be an alien without a warrant
    c("fed_ask_status_ice", "allowed", "usc_1357a", state="OH", actor="ice_officer", action="ask_status"),
    # 8 U.S.C. 1357(g)(10)(A); Arizona v. United States, 567 U.S. 387 (2012) (sec. 2(B) not enjoined)
    c("fed_ask_status_local", "allowed", "ina_287g_10 case_arizona_2012", state="OH", actor=L, action="ask_status", custody="stopped"),
    # Rodriguez v. United States, 575 U.S. 348, 354-57 (2015): no prolonging beyond the stop's mission
    c("con_prolong_stop", "not allowed", "case_rodriguez_2015", state="TX", actor=L, action="prolong_stop_for_status"),
    # 8 U.S.C. 1357(a)(2) / 1226(a); Form I-200 is an administrative arrest warrant
    c("fed_civil_arrest_ice_warrant", "allowed", "usc_1357a form_i200", state="OH", actor="ice_officer", action="civil_arrest",
      paperwork=("admin_warrant",), location="public_place"),
    # 8 U.S.C. 1357(a)(2); 8 C.F.R. 287.8(c)(2)(ii): warrantless only if likely to escape -> both branches
    c("fed_civil_arrest_ice_escape_yes", "depends", "usc_1357a cfr_287_8c",
      ESCAPE,
      state="OH", actor="ice_officer", action="civil_arrest", paperwork=("none",), location="public_place"),
    c("fed_civil_arrest_ice_escape_no", "depends", "usc_1357a cfr_287_8c",
      ESCAPE,
      state="OH", actor="ice_officer", action="courthouse_arrest", paperwork=("none",)),
    # Arizona v. United States, 567 U.S. at 407-10 (state officers may not decide on their own to arrest for removability);
    # Santos v. Frederick County, 725 F.3d 451, 465 (4th Cir. 2013)
    c("fed_civil_arrest_local", "not allowed", "case_arizona_2012 case_santos_2013", state="OH", actor=L, action="civil_arrest",
      paperwork=("admin_warrant",), location="public_place"),
    # ICE's own warrants (I-200 / I-205) are served by ICE officers
    c("fed_serve_admin_warrant_ice", "allowed", "form_i200 form_i205", state="OH", actor="ice_officer", action="serve_admin_warrant",
      location="jail"),
    # 8 U.S.C. 1357(g)(1)-(3): delegated functions under a written agreement, trained officers, federal supervision
    c("agr_jem_jail", "allowed", "ina_287g_1 prog_287g_jem", state="TX", actor="jem", action="civil_arrest", location=J),
    # 8 U.S.C. 1357(g)(5): the agreement sets the powers; JEM powers are jail powers
    c("agr_jem_outside_jail", "not allowed", "prog_287g_jem", state="TX", actor="jem", action="civil_arrest", location="roadside"),
    # WSO: serve administrative warrants on people in the officer's own jail
    c("agr_wso_jail", "allowed", "prog_287g_wso form_i200", state="FL", actor="wso", action="serve_admin_warrant",
      location=J, paperwork=("admin_warrant",)),
    c("agr_wso_limits", "not allowed", "prog_287g_wso", state="FL", actor="wso", action="serve_admin_warrant",
      location="public_place", paperwork=("admin_warrant",)),
    # 8 U.S.C. 1357(g)(1)-(3): task-force officers use delegated powers in the field
    c("agr_tfm_field", "allowed", "ina_287g_1 prog_287g_tfm", state="FL", actor="tfm", action="serve_admin_warrant",
      location="public_place", paperwork=("admin_warrant",)),
    # 8 U.S.C. 1357(a)(2) and 8 C.F.R. 287.8(c)(2)(ii) bind delegated officers too (1357(g)(2)-(3))
    c("agr_tfm_warrantless_escape", "depends", "prog_287g_tfm cfr_287_8c",
      ESCAPE,
      state="FL", actor="tfm", action="civil_arrest", location="public_place", paperwork=("none",)),
    c("agr_tfm_warrantless_no_escape", "depends", "prog_287g_tfm cfr_287_8c",
      ESCAPE,
      state="GA", actor="tfm", action="courthouse_arrest", paperwork=("detainer",)),
    # 8 U.S.C. 1357(g)(2): written certification of training required
    c("agr_not_certified", "not allowed", "ina_287g_2_3", state="TX", actor="jem", action="civil_arrest", location=J, certified=False),
    # 8 U.S.C. 1357(a)(4)-(5): warrantless arrests for immigration offenses / felonies
    c("fed_crim_arrest_ice", "allowed", "usc_1357a", state="OH", actor="ice_officer", action="criminal_immigration_arrest"),
    # A judge-signed warrant for a federal crime is ordinary criminal process
    c("fed_crim_arrest_warrant", "allowed", "usc_1252c", state="OH", actor=L, action="criminal_immigration_arrest",
      paperwork=("judicial_warrant",)),
    # 8 U.S.C. 1252c(a): "to the extent permitted by relevant State and local law" -> turns on state arrest law
    c("fed_crim_arrest_local_authorized", "depends", "usc_1252c",
      SAL,
      state="OH", actor=L, action="criminal_immigration_arrest", paperwork=("none",)),
    c("fed_crim_arrest_local_silent", "depends", "usc_1252c",
      SAL,
      state="PA", actor="jem", action="criminal_immigration_arrest", paperwork=("detainer",)),
    # Arizona v. United States, 567 U.S. at 400-07 (state immigration offenses preempted); no state crime in force in OH
    c("fed_state_crime_none", "not allowed", "case_arizona_2012", state="OH", actor=L, action="state_immigration_crime_arrest"),
    # 8 C.F.R. 287.7(a), (d) (request; 48 hours excl. weekends/holidays); Galarza, 745 F.3d at 639-45 (a request, not a command)
    # For a 287(g) jail officer the delegation itself carries the power to hold (8 U.S.C. 1357(g)(1))
    c("fed_hold_detainer", "allowed", "cfr_287_7a cfr_287_7d case_galarza_2014", state="OH", actor="jem",
      action="hold_past_release", paperwork=DAW, custody="release_due"),
    # A local officer without an agreement: the hold is a new arrest that needs state-law power. Lunn v. Commonwealth,
    # 477 Mass. 517 (2017) (no such power in Massachusetts law); People ex rel. Wells v. DeMarco, 168 A.D.3d 31
    # (N.Y. App. Div. 2018) (none in New York law, detainer with an I-200); Ramon v. Short, 2020 MT 69. Where state
    # law gives the power, 8 U.S.C. 1357(g)(10) permits the cooperation (City of El Cenizo v. Texas, 890 F.3d 164
    # (5th Cir. 2018), upholding Texas's statutory duty). Ohio has no statute or ruling either way -> depends.
    c("fed_hold_local_state_power", "depends", "cfr_287_7a",
      {**SAL,
       "branch_ids": {"authorizes": ("ina_287g_10", "case_el_cenizo_2018"),
                      "silent": ("case_lunn_2017", "case_wells_demarco_2018")}},
      state="OH", actor=L, action="hold_past_release", paperwork=DAW, custody="release_due"),
    c("fed_hold_local_no_state_power", "depends", "cfr_287_7a",
      {**SAL,
       "branch_ids": {"silent": ("case_lunn_2017", "mn_esparza_2019")}},
      state="KY", actor="court_officer", action="hold_past_release", paperwork=("detainer",), charge="misdemeanor"),
    # 8 C.F.R. 287.7(a): a notice request asks for notice only; Gonzalez settlement (eff. Mar. 4, 2025): I-247G asks no hold
    c("fed_hold_no_request", "not allowed", "cfr_287_7a gonzalez_settlement_2025", state="OH", actor=L, action="hold_past_release",
      paperwork=("notification_request",)),
    # Forms I-200 / I-205 are signed by immigration officers; ICE Policy 10074.2 (2017) pairs one with each detainer
    c("fed_hold_admin_warrant_note", "allowed", "form_i200 ice_policy_10074_2", state="OH", actor="jem", action="hold_past_release",
      paperwork=DAW),
    # Gonzalez v. ICE, No. 13-cv-04416 (C.D. Cal.), settlement eff. Mar. 4, 2025, five years (NIJC summary): covered
    # offices may not issue certain detainers without neutral probable-cause review; I-247G only. Note, answer unchanged
    c("fed_gonzalez_settlement_note", "allowed", "gonzalez_settlement_2025 cfr_287_7a", state="OH", actor="jem",
      action="hold_past_release", paperwork=DET, custody="release_due"),
    # 8 C.F.R. 287.7(d): the 48 hours run from when the person would otherwise be released
    c("fed_pending_charges_note", "allowed", "cfr_287_7a", state="OH", actor=L, action="transfer_to_ice", custody="pending_charges"),
    # Lunn, 477 Mass. 517; Wells, 168 A.D.3d 31: state-law limits concern civil detainers, not judges' warrants
    c("fed_hold_judicial_warrant", "allowed", "case_lunn_2017 case_wells_demarco_2018", state="CA", actor=L, action="hold_past_release",
      paperwork=("judicial_warrant",)),
    # ICE Directive 16001.2 sec. 1 (no civil immigration arrest or detention of a U.S. citizen); Galarza (citizen held)
    c("con_citizen_not_held", "not allowed", "ice_directive_16001_2 case_galarza_2014", state="TX", actor=L, action="hold_past_release",
      paperwork=DET, person="citizen"),
    # 8 U.S.C. 1357(g)(10)(A); 8 C.F.R. 287.7(a)
    c("fed_notify_release", "allowed", "ina_287g_10 cfr_287_7a", state="OH", actor=L, action="notify_release"),
    # 8 U.S.C. 1373(a): no restriction on sending citizenship or immigration status information
    c("fed_share_status", "allowed", "usc_1373", state="CA", actor=L, action="share_status"),
    # 8 U.S.C. 1373 covers status only; nothing federal bars other information
    c("fed_share_personal_info", "allowed", "usc_1373", state="OH", actor=L, action="share_personal_info"),
    # 8 U.S.C. 1357(g)(10)(B): otherwise cooperate in detaining or removing
    c("fed_transfer", "allowed", "ina_287g_10", state="OH", actor=L, action="transfer_to_ice", paperwork=DAW),
    c("fed_interview", "allowed", "ina_287g_10", state="OH", actor=L, action="interview_in_jail"),
    # 8 U.S.C. 1367(a); 1229(e)(1)-(2)(B); 1101(a)(15)(T), (U): note only, answer unchanged
    c("fed_victim_note", "allowed", "usc_1367 usc_1229e usc_1101a15_tu form_i200", state="OH", actor="ice_officer",
      action="courthouse_arrest", paperwork=("admin_warrant",), person="crime_victim"),
    # Payton v. New York, 445 U.S. at 602-03: an arrest warrant founded on probable cause carries limited authority to enter
    c("fed_enter_home_warrant", "allowed", "case_payton_1980", state="OH", actor="ice_officer", action="enter_home",
      paperwork=("judicial_warrant",)),
    # Consent of an adult occupant
    c("fed_enter_home_consent", "allowed", "case_payton_1980", state="OH", actor="ice_officer", action="enter_home",
      paperwork=("admin_warrant",), consent="adult_occupant"),
    # ICE memo of May 12, 2025 (Lyons): claims I-205 entry power; a note only, Payton still decides
    c("fed_i205_memo_note", "not allowed", "ice_memo_i205_2025 case_payton_1980", state="OH", actor="ice_officer",
      action="enter_home", paperwork=("final_order",), consent="none"),
    # ICE courthouse guidance (Jan. 2025 interim, superseded May 27, 2025); 2025 immigration-court memos vacated
    # June 23, 2026 (N.D. Cal.): a policy note; the answer still turns on the warrant
    c("fed_courthouse_guidance_note", "allowed", "ice_courthouse_guidance_2025 ndcal_courthouse_vacatur_2026 form_i200", state="OH", actor="ice_officer",
      action="courthouse_arrest", paperwork=("admin_warrant",)),
    # Payton, 445 U.S. at 576, 590: the Fourth Amendment draws a firm line at the entrance to the house
    c("fed_enter_home_default", "not allowed", "case_payton_1980", state="OH", actor="tfm", action="enter_home",
      paperwork=("none",), consent="none"),
    c("con_payton_entry", "not allowed", "case_payton_1980 form_i200", state="TX", actor="ice_officer", action="enter_home",
      paperwork=("admin_warrant",), consent="none"),
    c("con_payton_arrest_inside", "not allowed", "case_payton_1980 form_i200", state="TX", actor="ice_officer", action="civil_arrest",
      paperwork=("admin_warrant",), location="home_inside", consent="minor_occupant"),
    # ---- 287(g) bans ----
    # Cal. Gov't Code 7284.6(a): no 287(g) functions (state_laws ca_sb54_287g_ban; subsection not pinned here)
    c("ca_287g_ban", "not allowed", "ca_gov_7284_6", state="CA", actor="jem", action="civil_arrest", location=J),
    # 5 ILCS 805 as amended 2019 (AG guidance, July 2019): no agency may enter or remain in a 287(g) agreement
    # Ill. P.A. 101-0019, sec. 5(b): "no law enforcement agency or official may enter into or remain in an agreement
    # with U.S. Immigration and Customs Enforcement under a federal 287(g) program"
    c("il_287g_ban", "not allowed", "il_kift_2019", state="IL", actor="tfm", action="civil_arrest", location="public_place"),
    # ORS 181A.829
    c("or_287g_ban", "not allowed", "or_ors_181a", state="OR", actor="wso", action="serve_admin_warrant", location=J,
      paperwork=("admin_warrant",)),
    # RCW 10.93.160
    c("wa_287g_ban", "not allowed", "wa_rcw_10_93_160", state="WA", actor="jem", action="serve_admin_warrant", location=J),
    # N.J. AG Directive 2018-6 (rev. 2019)
    c("nj_287g_ban", "not allowed", "nj_ag_dir_2018_6", state="NJ", actor="jem", action="civil_arrest", location=J),
    # Md. HB 444 / SB 245 (2026), signed Feb. 17, 2026
    c("md_287g_ban", "not allowed", "md_hb444_2026", state="MD", actor="jem", action="civil_arrest", location=J),
    # N.M. HB 9 (2026), eff. May 20, 2026
    c("nm_287g_ban", "not allowed", "nm_hb9_2026", state="NM", actor="tfm", action="courthouse_arrest"),
    # Del. HB 182 (2025)
    c("de_287g_ban", "not allowed", "de_hb182_2025", state="DE", actor="wso", action="serve_admin_warrant", location=J,
      paperwork=("admin_warrant",)),
    # SB 783 (2026 Va. Acts ch. 1028), official summary: no agreement letting officers perform immigration-officer
    # functions "unless such agreement is in writing and includes certain provisions and conditions"; eff. July 1, 2026,
    # expires June 30, 2028 -> a note; a valid agreement is assumed
    c("va_287g_conditions_note", "allowed", "va_sb783_2026 ina_287g_1", state="VA", actor="jem", action="civil_arrest", location=J,
      paperwork=("admin_warrant",)),
    # 20 V.S.A. 4652(a): "only the Governor, in consultation with the Vermont Attorney General, is authorized to enter
    # into, modify, or extend an agreement pursuant to 8 U.S.C. 1357(g)" -> a note; an approved agreement is assumed
    c("vt_287g_governor_note", "allowed", "vt_20_4652", state="VT", actor="jem", action="civil_arrest", location=J,
      paperwork=("admin_warrant",)),
    # NYCLU v. Nassau County (Sup. Ct. Nassau Cty.): challenge to a 287(g) agreement under Wells rejected (Newsday, 2026)
    c("ny_287g_status_note", "allowed", "case_wells_demarco_2018 prog_287g_tfm", state="NY", actor="tfm", action="civil_arrest",
      location="public_place", paperwork=("admin_warrant",)),
    # ---- status questions ----
    # Cal. Gov't Code 7284.6(a)(1)(A): no inquiry into immigration status
    c("ca_no_inquiry", "not allowed", "ca_gov_7284_6", state="CA", actor=L, action="ask_status", custody="stopped"),
    # 5 ILCS 805/15: no inquiry of persons stopped, detained or arrested
    c("il_no_inquiry", "not allowed", "il_5ilcs805", state="IL", actor=L, action="ask_status", custody="stopped"),
    # ORS 181A.823(1)(b): no inquiry unless required to advance a criminal investigation
    c("or_no_inquiry", "not allowed", "or_ors_181a", state="OR", actor=L, action="ask_status", custody="stopped"),
    # RCW 10.93.160: no inquiry unless connected to a criminal investigation
    c("wa_no_inquiry", "not allowed", "wa_rcw_10_93_160", state="WA", actor=L, action="ask_status", custody="stopped"),
    # N.J. AG Dir. 2018-6 sec. II.B: inquiry only where necessary to investigate an indictable offense
    c("nj_inquiry_minor", "not allowed", "nj_ag_dir_2018_6", state="NJ", actor=L, action="ask_status", charge="misdemeanor"),
    c("nj_inquiry_indictable", "depends", "nj_ag_dir_2018_6",
      {"fact": "charge", "branches": {"none": "not allowed", "civil_infraction": "not allowed", "misdemeanor": "not allowed",
                                      "felony": "allowed", "serious_or_violent": "allowed", "dismissed": "not allowed"},
       "branch_ids": {"felony": ("nj_ag_dir_2018_6",), "serious_or_violent": ("nj_ag_dir_2018_6",)}},
      state="NJ", actor=L, action="ask_status"),
    # C.R.S. 24-74-104, extended to local governments by SB25-276
    c("co_no_inquiry", "not allowed", "co_crs_24_74_104", state="CO", actor=L, action="ask_status"),
    # LD 1971, 5 M.R.S. ch. 337-E
    c("me_no_inquiry", "not allowed", "me_ld1971", state="ME", actor=L, action="ask_status"),
    # D.C. Law 23-282: no inquiry into status of a person in custody
    c("dc_no_inquiry_custody", "not allowed", "dc_sanctuary_values_2020", state="DC", actor=L, action="ask_status",
      custody="pending_charges"),
    # ---- holds: limits ----
    # Cal. Gov't Code 7284.6(a)(1)(B): no detaining on a hold request
    c("ca_no_holds", "not allowed", "ca_gov_7284_6", state="CA", actor=L, action="hold_past_release", paperwork=DAW),
    # 5 ILCS 805/15(a)
    c("il_no_holds", "not allowed", "il_5ilcs805", state="IL", actor=L, action="hold_past_release", paperwork=DET),
    # ORS 181A.826
    c("or_no_holds", "not allowed", "or_ors_181a", state="OR", actor=L, action="hold_past_release", paperwork=DAW),
    # RCW 10.93.160; RCW 43.17.420 (hold request includes I-247A; civil immigration warrant includes I-200)
    c("wa_no_holds", "not allowed", "wa_rcw_10_93_160", state="WA", actor="jem", action="hold_past_release", paperwork=DAW),
    # C.R.S. 24-76.6-102(2); 24-76.6-101(1) (detainer includes I-200, I-205)
    c("co_no_holds", "not allowed", "co_crs_24_76_6_102", state="CO", actor=L, action="hold_past_release", paperwork=DAW),
    # Conn. Gen. Stat. 54-192h as amended by P.A. 19-20: judicial warrant (or TSDB match) only
    c("ct_no_holds", "not allowed", "ct_cgs_54_192h", state="CT", actor=L, action="hold_past_release", paperwork=DAW),
    # LD 1971 (5 M.R.S. ch. 337-E): no holds on non-mandatory detainers
    c("me_no_holds", "not allowed", "me_ld1971", state="ME", actor=L, action="hold_past_release", paperwork=DET),
    # 20 V.S.A. 2366; VCJC model FIP policy (eff. Apr. 23, 2024): should not hold for immigration purposes
    c("vt_no_holds", "not allowed", "vt_fip_policy", state="VT", actor=L, action="hold_past_release", paperwork=DAW),
    # D.C. Law 23-282: no holds without a judicial warrant or order
    c("dc_no_holds", "not allowed", "dc_sanctuary_values_2020", state="DC", actor=L, action="hold_past_release", paperwork=DAW),
    # People ex rel. Wells v. DeMarco, 168 A.D.3d 31 (2d Dep't 2018)
    c("ny_no_holds", "not allowed", "case_wells_demarco_2018", state="NY", actor=L, action="hold_past_release", paperwork=DAW),
    # Lunn v. Commonwealth, 477 Mass. 517 (2017): "Massachusetts law provides no authority for Massachusetts court
    # officers to arrest and hold an individual solely on the basis of a Federal civil immigration detainer"
    c("ma_no_holds", "not allowed", "case_lunn_2017", state="MA", actor=L, action="hold_past_release", paperwork=DAW),
    # Esparza v. Nobles County, No. A18-2011 (Minn. Ct. App. Sept. 23, 2019): no Minnesota statute authorizes it
    c("mn_no_holds", "not allowed", "mn_esparza_2019 mn_ag_op_2025", state="MN", actor=L, action="hold_past_release", paperwork=DAW),
    # Governor's policy of Aug. 14, 2014 (AP): executive agencies honor detainers only with a judicial removal order;
    # municipal police not covered and current text not found -> a note; answer stays the federal baseline
    c("ri_detainer_policy_note", "allowed", "ri_detainer_policy_2014 cfr_287_7a", state="RI", actor="jem", action="hold_past_release",
      paperwork=DAW),
    # Morales v. Chadbourne, 793 F.3d 208 (1st Cir. 2015): a detainer hold after release is "a new seizure for Fourth
    # Amendment purposes ... that must be supported by a new probable cause justification"
    c("fed_morales_ma", "not allowed", "case_morales_2015 case_lunn_2017", state="MA", actor=L, action="hold_past_release", paperwork=DAW),
    c("fed_morales_me", "not allowed", "case_morales_2015 me_ld1971", state="ME", actor=L, action="hold_past_release", paperwork=DET),
    c("fed_morales_ri", "allowed", "case_morales_2015", state="RI", actor="jem", action="hold_past_release", paperwork=DET),
    c("fed_morales_nh", "required", "case_morales_2015 nh_hb511_2025", state="NH", actor=L, action="hold_past_release", paperwork=DET),
    # N.J. AG Dir. 2018-6 (rev. 2019) sec. II.B.6: holds only for listed violent or serious offenses -> depends on charge
    c("nj_hold_not_listed", "not allowed", "nj_ag_dir_2018_6", state="NJ", actor=L, action="hold_past_release", paperwork=DET,
      charge="felony"),
    c("nj_hold_listed", "depends", "nj_ag_dir_2018_6",
      {"fact": "charge", "branches": {"none": "not allowed", "civil_infraction": "not allowed", "misdemeanor": "not allowed",
                                      "felony": "not allowed", "serious_or_violent": "allowed", "dismissed": "not allowed"},
       "branch_ids": {"serious_or_violent": ("nj_ag_dir_2018_6",)}},
      state="NJ", actor=L, action="hold_past_release", paperwork=DET),
    # Advisory opinions disagree (Va. Att'y Gen. Op. Jan. 5, 2015: detainer gives "neither an obligation or legal
    # authority"; Sept. 5, 2024: authority to cooperate) - notes; the state-law question stays open
    c("va_hold_ag_opinions_note", "depends", "va_ag_op_2015 va_ag_op_2024", SAL,
      state="VA", actor=L, action="hold_past_release", paperwork=DAW, charge="misdemeanor"),
    # Voces de la Frontera v. Gerber, No. 2025AP002121 (Wis., original action granted Dec. 3, 2025): pending
    c("wi_voces_pending_note", "depends", "wi_voces_gerber_2025", SAL,
      state="WI", actor=L, action="hold_past_release", paperwork=DET, charge="misdemeanor"),
    # Md. Att'y Gen. advice (2014; 2017 guidance, "not an order"): advisory, a note
    c("md_ag_advice_note", "depends", "md_ag_detainer_advice_2014", SAL,
      state="MD", actor=L, action="hold_past_release", paperwork=DAW, charge="misdemeanor"),
    # Morais-Hechavarria v. LVMPD, No. A-25-930343-W (Nev. 8th Jud. Dist. Ct., filed Oct. 13, 2025): pending
    c("nv_morais_pending_note", "depends", "nv_morais_hechavarria_2025", SAL,
      state="NV", actor=L, action="hold_past_release", paperwork=DAW, charge="misdemeanor"),
    # Colorado Initiative 95 (Nov. 3, 2026 ballot; needs 55%; result not recorded): a note, the present law stands
    # (C.R.S. 24-74-104 counts status as personal information; 8 U.S.C. 1373 keeps status sharing lawful)
    c("co_initiative_95_note", "allowed", "co_initiative_95_2026 usc_1373", state="CO", actor=L, action="share_status"),
    # Hawaii SB 2057 (2026) C.D. 1: enactment not confirmed - a note; the federal-level split stands
    c("hi_sb2057_note", "depends", "hi_sb2057_2026", SAL, state="HI", actor=L, action="hold_past_release", paperwork=DAW,
      charge="misdemeanor"),
    # Op. Minn. Att'y Gen. (Dec. 12, 2025): sheriffs may not enter 287(g) agreements "unilaterally"; advisory - a note,
    # so a validly made agreement still gives the delegated power (8 U.S.C. 1357(g)(1))
    c("mn_287g_opinion_note", "allowed", "ina_287g_1 mn_ag_op_287g_2025", state="MN", actor="jem", action="civil_arrest",
      location=J),
    # A.R.S. 11-1051(C): unlawfully present and "convicted ... on discharge from imprisonment ... shall be immediately
    # notified" - convicted people only, turning on unlawful presence
    c("az_notice_convicted", "depends", "az_ars_11_1051c",
      UNLAWFUL,
      state="AZ", actor=L, action="notify_release", paperwork=("none",), custody="sentence_completed"),
    # Utah Code 77-7-2(5)(b) (HB 497, 2011) held preempted, Utah Coalition of La Raza v. Herbert, 26 F. Supp. 3d 1125
    # (D. Utah 2014): a note; the federal-level split stands
    c("ut_la_raza_note", "depends", "case_la_raza_herbert_2014", SAL, state="UT", actor=L, action="hold_past_release",
      paperwork=DAW, charge="misdemeanor"),
    # Tenn. HB 2018 (2026), caption as introduced: 287(g) MOUs to include honoring detainers; enacted text unread -> a note
    c("tn_hb2018_note", "allowed", "tn_hb2018_2026", state="TN", actor="jem", action="notify_release", paperwork=DAW),
    # Md. Code, State Gov't 6-111(a)(4)(v): a courthouse is a "sensitive location"; access rule for non-public areas only
    # (summary) -> a note; arrests in public areas stay on the federal baseline
    c("md_sensitive_locations_note", "allowed", "md_sg_6_111", state="MD", actor="ice_officer", action="courthouse_arrest",
      paperwork=("admin_warrant",)),
    # Mont. HB 278 (2025), as reported (YPR, May 1, 2025): "requires law enforcement to report undocumented status to a
    # federal agency" for a driver at a traffic stop
    c("mt_stop_status_report", "depends", "mt_hb278_2025",
      UNLAWFUL,
      state="MT", actor=L, action="share_status", custody="stopped"),
    # La. R.S. 14:134(A)(5): malfeasance to release "without providing advance notice to" ICE "that the law enforcement
    # agency effecting release is aware that the person either illegally entered or unlawfully remained"
    c("la_status_notice_release", "depends", "la_rs_14_134",
      UNLAWFUL,
      state="LA", actor=L, action="share_status", custody="release_due"),
    # N.D. Cent. Code 44-04-04: person "convicted of a felony ... committed to ... a county jail" and "it appears that that
    # person is an alien" -> "immediately shall notify the United States immigration officer"
    c("nd_felon_commitment_notice", "required", "nd_44_04_04", state="ND", actor=L, action="share_status",
      custody="sentence_completed", charge="felony", person="lpr"),
    # N.J. AG Dir. 2018-6 (rev. 2019), as summarized on the Ocean County page (3d Cir. 2021): no "non-public
    # personally-identifying information regarding any individual" to federal immigration authorities
    c("nj_personal_info", "not allowed", "nj_ag_dir_2018_6", state="NJ", actor=L, action="share_personal_info",
      paperwork=("none",)),
    # Mont. Code Ann. 27-16-801(1): an officer holding an immigration detainer request "shall arrest a person who is
    # already in custody and the subject of" it; (2)(b) the request is "a written or electronic request issued by a
    # federal immigration agency to detain and maintain control of an alien" - no warrant (HB 223, 2021, answering
    # Ramon v. Short, 2020 MT 69)
    c("mt_hold_required", "required", "mt_27_16_801 mt_ramon_2020", state="MT", actor=L, action="hold_past_release",
      paperwork=DET, charge="misdemeanor"),
    # 27-16-801(4): "not required to arrest or detain a person if presented with credible evidence that ... the person
    # has lawful immigration status" -> permitted, not a duty
    c("mt_hold_proof_of_status", "allowed", "mt_27_16_801", state="MT", actor=L, action="hold_past_release",
      paperwork=DAW, person="lpr"),
    # 27-16-801(3)(a): "comply with, honor, and fulfill any request made in the detainer request"
    c("mt_detainer_requests_required", "required", "mt_27_16_801", state="MT", actor="court_officer",
      action="notify_release", paperwork=DET),
    # ---- holds: mandates ----
    # Tex. Code Crim. Proc. art. 2A.060 (formerly 2.251(a); SB 4, 2017): comply with the detainer request
    c("tx_hold_required", "required", "tx_ccp_2_251", state="TX", actor=L, action="hold_past_release", paperwork=DET),
    # A.R.S. 11-1051(B): "where reasonable suspicion exists that the person is an alien and is unlawfully present
    # ... a reasonable attempt shall be made, when practicable, to determine the immigration status"
    c("az_status_check_required", "depends", "az_ars_11_1051b",
      UNLAWFUL,
      state="AZ", actor=L, action="ask_status", location="roadside", custody="stopped"),
    # A.R.S. 11-1051(B): "Any person who is arrested shall have the person's immigration status determined before
    # the person is released" (text quoted in Ariz. AG Op. I16-010)
    # S.C. Code 17-13-170(A): with reasonable suspicion of unlawful presence during a lawful stop, detention,
    # investigation or arrest, "the officer shall make a reasonable effort, when practicable, to determine" status
    c("sc_status_check_required", "depends", "sc_17_13_170",
      UNLAWFUL,
      state="SC", actor=L, action="ask_status", location="roadside", custody="stopped"),
    # Ala. Code 31-13-12 as amended by SB 53 (2025, eff. Oct. 1, 2025), per summaries of the enrolled bill: reasonable
    # attempt to determine status on reasonable suspicion during a lawful stop, detention or arrest
    c("al_status_check_required", "depends", "al_31_13_12",
      UNLAWFUL,
      state="AL", actor=L, action="ask_status", location="roadside", custody="stopped"),
    c("az_status_check_arrested", "required", "az_ars_11_1051b", state="AZ", actor=L, action="ask_status",
      location=J, custody="pending_charges"),
    # Tex. Code Crim. Proc. art. 2.251(a)(1): "comply with, honor, and fulfill any request made in the detainer
    # request"; the I-247A asks for notice before release and custody until ICE takes the person
    c("tx_detainer_requests_required", "required", "tx_ccp_2_251", state="TX", actor=L, action="notify_release",
      paperwork=DAW),
    c("tx_detainer_requests_required", "required", "tx_ccp_2_251", state="TX", actor=L, action="transfer_to_ice",
      paperwork=DET),
    # W. Va. Code 15-16-1(3): a complete official form stating probable cause is facially sufficient, a warrant only an
    # example; 15-16-2(e): no policy refusing "a lawfully issued detainer in the absence of a warrant"; 15-16-3(a)(3):
    # "comply with the requests made in the immigration detainer to the extent required by law"
    c("wv_detainer_required", "required", "wv_15_16_3", state="WV", actor=L, action="hold_past_release", paperwork=DET),
    c("wv_detainer_required", "required", "wv_15_16_3", state="WV", actor=L, action="hold_past_release", paperwork=DAW),
    c("wv_detainer_required", "required", "wv_15_16_3", state="WV", actor=L, action="notify_release", paperwork=DAW),
    # Nash v. Mikesell, 2024 COA 68, summary: officers "are prohibited from arresting and detaining individuals
    # otherwise eligible for release ... on the basis of a civil immigration detainer" (C.R.S. 24-76.6-101(1))
    c("co_287g_nash", "not allowed", "case_nash_2024 co_crs_24_76_6_102", state="CO", actor="jem", action="civil_arrest",
      location=J, paperwork=("admin_warrant",), custody="release_due"),
    c("co_287g_nash", "depends", "case_nash_2024",
      {"fact": "custody", "branches": {"free": "allowed", "stopped": "allowed", "pending_charges": "allowed",
                                       "bail_posted": "not allowed", "release_due": "not allowed",
                                       "sentence_completed": "not allowed"}},
      state="CO", actor="jem", action="civil_arrest", location=J, paperwork=("admin_warrant",)),
    # 5 ILCS 805/15 as amended by P.A. 102-234 (2021): no answering an immigration agent's "inquiry or request for
    # information regarding any individual in the agency's custody"; status stays shareable (805/5, 8 U.S.C. 1373)
    c("il_custody_info", "not allowed", "il_5ilcs805", state="IL", actor=L, action="share_personal_info",
      custody="release_due", paperwork=("none",)),
    # art. 2A.060 (formerly 2.251(b)): duty does not apply on proof of lawful immigration status
    c("tx_hold_proof_of_status", "allowed", "tx_ccp_2_251 cfr_287_7a", state="TX", actor=L, action="hold_past_release",
      paperwork=DET, person="lpr"),
    # 22 O.S. 171.3 (eff. Nov. 1, 2021)
    c("ok_hold_required", "required", "ok_22os171_3", state="OK", actor=L, action="hold_past_release", paperwork=DET),
    # 22 O.S. 171.3(A)(1): "Comply with, honor and fulfill any request made in the immigration detainer request";
    # (B): not required on proof of U.S. citizenship. The I-247A asks for notice and for custody until ICE arrives.
    c("ok_detainer_requests_required", "required", "ok_22os171_3", state="OK", actor=L, action="notify_release",
      paperwork=DAW, charge="misdemeanor"),
    c("ok_detainer_requests_required", "required", "ok_22os171_3", state="OK", actor=L, action="transfer_to_ice",
      paperwork=DET),
    # Fla. Stat. 908.102(2): a detainer is "deemed facially sufficient if: (a) The federal immigration agency's official
    # form is complete and indicates on its face that the federal immigration official has probable cause"; detainers
    # "along with a warrant" follow "including" (an example); 908.105: comply -> a detainer alone is covered
    c("fl_hold_required", "required", "fl_908_105", state="FL", actor=L, action="hold_past_release", paperwork=DET),
    c("fl_hold_required", "required", "fl_908_105", state="FL", actor="jem", action="hold_past_release", paperwork=DAW),
    # Fla. Stat. 908.105 operative words not read (only headings and 908.102(2)); Louisiana's copy of the model law,
    # La. R.S. 33:84(A)(2), says "comply with the requests made in the immigration detainer" -> a flagged note only
    c("fl_detainer_requests_note", "allowed", "fl_908_105 la_rs_33_84 ina_287g_10", state="FL", actor=L, action="notify_release",
      paperwork=DAW, charge="misdemeanor"),
    # N.C.G.S. 162-62(b1) needs detainer AND administrative warrant; a bare detainer is outside it
    c("nc_hold_bare_authorizes", "depends", "nc_gs_162_62", bare("nc_gs_162_62"), state="NC", actor=L, action="hold_past_release", paperwork=DET),
    c("nc_hold_bare_silent", "depends", "nc_gs_162_62", bare("nc_gs_162_62"), state="NC", actor="wso", action="hold_past_release", paperwork=DET),
    # Iowa Code 27A.1(1): "\"Immigration detainer request\" includes only written federal government requests that are
    # accompanied by" listed documents; 27A.2 duty does not reach a detainer alone
    c("ia_hold_bare_authorizes", "depends", "ia_27a_2", bare("ia_27a_2"), state="IA", actor=L, action="hold_past_release", paperwork=DET),
    c("ia_hold_bare_silent", "depends", "ia_27a_2", bare("ia_27a_2"), state="IA", actor=L, action="hold_past_release", paperwork=DET,
      custody="release_due"),
    # O.C.G.A. 42-1-11.5
    c("ga_hold_required", "required", "ga_42_1_11_5", state="GA", actor=L, action="hold_past_release", paperwork=DET),
    # Iowa Code 27A.2
    c("ia_hold_required", "required", "ia_27a_2", state="IA", actor=L, action="hold_past_release", paperwork=DAW),
    # Iowa Code 27A.2: "shall fully comply with any instruction made in the detainer request and in any other legal
    # document provided"; the I-247A asks for notice before release and custody until ICE arrives
    c("ia_detainer_requests_required", "required", "ia_27a_2", state="IA", actor=L, action="notify_release", paperwork=DAW,
      charge="misdemeanor"),
    c("ia_detainer_requests_required", "required", "ia_27a_2", state="IA", actor="wso", action="transfer_to_ice", paperwork=DAW),
    # La. R.S. 33:81(3)(a): a facially sufficient federal form, "including but not limited to" detainers "along with a
    # warrant" (an example, as in Florida); 33:84(A)(2): "comply with the requests made in the immigration detainer"
    c("la_hold_required", "required", "la_rs_33_84", state="LA", actor=L, action="hold_past_release", paperwork=DAW),
    c("la_hold_required", "required", "la_rs_33_84", state="LA", actor=L, action="hold_past_release", paperwork=DET),
    # La. R.S. 14:134(A)(6)(a) (SB 15, 2025): malfeasance to refuse "a lawful request for cooperation" from ICE with
    # intent to hinder - an added note on a detainer alone; the duty above already answers
    c("la_hold_bare_malfeasance", "required", "la_rs_14_134 la_rs_33_84", state="LA", actor=L, action="hold_past_release",
      paperwork=DET, charge="misdemeanor", custody="release_due"),
    # N.C.G.S. 162-62(b1): "any person charged with a criminal offense"; detainer AND administrative warrant
    c("nc_hold_required", "required", "nc_gs_162_62", state="NC", actor="jem", action="hold_past_release", paperwork=DAW,
      charge="misdemeanor", custody="bail_posted", person="lpr", location=J),
    # HB 511 (2025, ch. 39), RSA 106-R:3, I: comply with detainers of inmates "if safe to do so"
    c("nh_hold_required", "required", "nh_hb511_2025", state="NH", actor=L, action="hold_past_release", paperwork=DET),
    # Tenn. Code Ann. 7-68-102, -103: refusal policies banned, no per-case duty -> permitted, not required
    c("tn_hold_policy", "allowed", "tn_7_68_103", state="TN", actor=L, action="hold_past_release", paperwork=DAW),
    # Pub. Ch. 1015 (2026, SB 2223), caption "as enacted": each sheriff must enter an available 287(g) agreement
    c("tn_287g_mandate_note", "allowed", "tn_pub_ch_1015_2026 tn_7_68_103", state="TN", actor=L, action="hold_past_release", paperwork=DET),
    # Ark. Code Ann. 14-1-103(b)(2)(D)-(E) (Act 654 of 2025): no local policy conditioning detainer compliance or
    # demanding a warrant; sanction is loss of discretionary state funds; no per-case duty
    c("ar_detainer_policy_note", "allowed", "ar_14_1_103 cfr_287_7a", state="AR", actor="jem", action="hold_past_release", paperwork=DAW),
    # Ark. Code Ann. 14-1-103(b)(2)(D)-(E) (Act 654 of 2025): no local policy may restrict or condition compliance
    # with ICE detainers "to maintain custody" or demand a warrant first -> the power to hold is presupposed; no duty
    c("ar_hold_allowed", "allowed", "ar_14_1_103", state="AR", actor=L, action="hold_past_release", paperwork=DET,
      charge="misdemeanor"),
    # N.D. Cent. Code 44-08-25(1)(d): no policy that "Restricts or imposes a condition upon the cooperation or
    # compliance ... with United States immigration and customs enforcement to maintain custody of" a person
    c("nd_hold_allowed", "allowed", "nd_44_08_25", state="ND", actor=L, action="hold_past_release", paperwork=DAW,
      charge="misdemeanor"),
    # Tenorio-Serrano v. Driscoll, 324 F. Supp. 3d 1053 (D. Ariz. 2018) (PI denied; detainer with an administrative
    # warrant; sheriff's common-law power); SB 1164 (2025) vetoed, so no duty
    c("az_hold_warrant_allowed", "allowed", "case_tenorio_serrano_2018", state="AZ", actor=L, action="hold_past_release",
      paperwork=DAW, charge="misdemeanor"),
    # IC 5-2-18.2-1.7 (SEA 76, 2026): "immigration detainer request" means "a request issued by an authorized
    # immigration officer to a law enforcement agency to detain an individual pursuant to 8 CFR 287.7" - no warrant;
    # IC 5-2-18.2-9(a)(3): "comply with all requests made in the immigration detainer request" (eff. July 1, 2026)
    c("in_hold_required", "required", "in_sb76_2026", state="IN", actor=L, action="hold_past_release", paperwork=DET,
      charge="misdemeanor"),
    # the form's requests (notice before release; custody until ICE takes the person) are among "all requests"
    c("in_detainer_requests_required", "required", "in_sb76_2026", state="IN", actor=L, action="transfer_to_ice",
      paperwork=DET, charge="misdemeanor"),
    # Monroe Circuit Court, June 30, 2026: duty not enforceable against the Monroe County sheriff only - a note, so the
    # statewide answer stays "required"
    c("in_monroe_injunction_note", "required", "in_sb76_2026 in_monroe_injunction_2026", state="IN", actor=L,
      action="notify_release", paperwork=DAW, charge="misdemeanor"),

    # HB 83 (2025), per summaries: "requires compliance with federal immigration detainers"; only the crimes enjoined
    c("id_hold_required", "required", "id_hb83_detainers_2025", state="ID", actor=L, action="hold_past_release", paperwork=DAW),
    # ---- information ----
    # Cal. Gov't Code 7284.6(a)(1)(C); 7282.5
    c("ca_release_dates_general", "not allowed", "ca_gov_7284_6", state="CA", actor=L, action="notify_release", charge="misdemeanor"),
    c("ca_release_dates_serious", "depends", "ca_gov_7284_6",
      {"fact": "charge", "branches": {"none": "not allowed", "civil_infraction": "not allowed", "misdemeanor": "not allowed",
                                      "felony": "not allowed", "serious_or_violent": "allowed", "dismissed": "not allowed"},
       "branch_ids": {"serious_or_violent": ("ca_gov_7284_6",)}},
      state="CA", actor=L, action="notify_release"),
    # Cal. Gov't Code 7284.6(a)(1)(D): home or work address only if public
    c("ca_personal_info", "not allowed", "ca_gov_7284_6", state="CA", actor=L, action="share_personal_info"),
    # Cal. Gov't Code 7283.1(a) (TRUTH Act): written consent form "in advance of any interview between ICE and an
    # individual in local law enforcement custody regarding civil immigration violations"; note only, answer unchanged
    c("ca_truth_interview_note", "allowed", "ca_gov_7283_1 ina_287g_10", state="CA", actor=L, action="interview_in_jail"),
    # Cal. Gov't Code 7283.1(b): copy of any hold, notification or transfer request to the person; a release-date
    # notice given to ICE goes to the person and their attorney or one designee as well; note only
    c("ca_truth_notice_note", "allowed", "ca_gov_7283_1 ca_gov_7284_6", state="CA", actor=L, action="notify_release",
      charge="serious_or_violent"),
    # 5 ILCS 805/10 (detainer includes request for notice of release), /15(a)
    c("il_no_notice", "not allowed", "il_5ilcs805", state="IL", actor=L, action="notify_release", paperwork=("notification_request",)),
    # ORS 181A.823(1)(c); 181A.826(2)(b)(A) ("custody status, release date ... or home or work address")
    # ORS 180.805(2): no disclosure of "The person's address" or "workplace" for federal immigration enforcement
    c("or_no_info", "not allowed", "or_ors_181a or_ors_180_805", state="OR", actor=L, action="share_personal_info", paperwork=("none",)),
    # ORS 181A.826(1): no public resources for "apprehending, arresting, detaining or holding individuals for
    # immigration enforcement"; (2)(b) supporting or assisting a federal agency in it
    c("or_no_transfer", "not allowed", "or_ors_181a", state="OR", actor=L, action="transfer_to_ice", paperwork=DAW),
    # ORS 181A.826(2)(a) ("access to an area of a facility that is not normally open to the public"), (2)(b)(B)
    # ("investigating or interrogating individuals for immigration enforcement"), (3)(a) decline and document
    c("or_no_interview", "not allowed", "or_ors_181a", state="OR", actor="jem", action="interview_in_jail", paperwork=("none",)),
    # RCW 10.93.160: no release notices for civil immigration enforcement
    c("wa_no_notice", "not allowed", "wa_rcw_10_93_160", state="WA", actor=L, action="notify_release", paperwork=DAW),
    # RCW 2.28.310(1)(b): court staff and court security "shall not otherwise provide nonpublicly available personal
    # information about an individual ... to federal immigration authorities for the purpose of civil immigration
    # RCW 10.93.160 (Keep Washington Working), as the State Patrol summarizes it: no sharing of "present location, release
    # date" etc. for immigration enforcement "absent a court order, judicial warrant"; parallel to RCW 2.28.310(1)(b)
    c("wa_personal_info", "not allowed", "wa_rcw_10_93_160", state="WA", actor=L, action="share_personal_info",
      paperwork=("none",)),
    # enforcement ... unless required by federal law or court order"
    c("wa_court_personal_info", "not allowed", "wa_rcw_2_28_300", state="WA", actor="court_officer",
      action="share_personal_info", paperwork=("none",)),
    # N.J. AG Dir. 2018-6: notice only for listed offenses
    c("nj_notice_not_listed", "not allowed", "nj_ag_dir_2018_6", state="NJ", actor=L, action="notify_release", charge="dismissed"),
    c("nj_notice_listed", "allowed", "nj_ag_dir_2018_6", state="NJ", actor=L, action="notify_release", charge="serious_or_violent"),
    # N.J. AG Dir. 2018-6 (AG announcement, Nov. 29, 2018, as quoted): no ICE interview of a person arrested on a
    # criminal charge "unless that person is advised of his or her right to a lawyer"; Lakewood PD summary adds a signed
    # written consent form. Note only: the detainee's consent is not a course fact
    c("nj_interview_note", "allowed", "nj_ag_dir_2018_6 ina_287g_10", state="NJ", actor=L, action="interview_in_jail"),
    # C.R.S. 24-74-104 as extended by SB25-276: no PII absent subpoena or warrant
    c("co_personal_info", "not allowed", "co_crs_24_74_104", state="CO", actor=L, action="share_personal_info", paperwork=("none",)),
    # HB19-1124 (2019), General Assembly summary "as enacted": before a phone or video interview with federal
    # immigration authorities an officer coordinates, the person is told of the right to decline, to remain silent and
    # to speak to an attorney first; note only
    c("co_interview_note", "allowed", "co_hb19_1124 ina_287g_10", state="CO", actor=L, action="interview_in_jail"),
    # LD 1971: release dates / personal info only if public or with court order or criminal warrant
    c("me_no_info", "not allowed", "me_ld1971", state="ME", actor=L, action="notify_release", paperwork=DAW),
    # LD 1971: immigration interviews of inmates only with a court order
    c("me_no_info", "not allowed", "me_ld1971", state="ME", actor="wso", action="interview_in_jail", paperwork=("none",)),
    # Conn. Gen. Stat. 54-192h (P.A. 19-20): notice of release is part of a civil immigration detainer
    c("ct_no_notice", "not allowed", "ct_cgs_54_192h", state="CT", actor=L, action="notify_release", paperwork=DAW),
    # Conn. Gen. Stat. 54-192h(a)(2)(B) (P.A. 19-20): a request "Facilitating the ... transfer of an individual to the
    # custody of a federal immigration authority" is a civil immigration detainer; compliance only with a judicial
    # warrant, watch-list match or (CT Mirror 2025) a class A or B felony conviction -> none assumed here
    c("ct_no_transfer", "not allowed", "ct_cgs_54_192h", state="CT", actor=L, action="transfer_to_ice", paperwork=DAW,
      charge="misdemeanor"),
    # D.C. Law 23-282: no release notice or ICE interviews without a judicial warrant or order
    c("dc_no_notice", "not allowed", "dc_sanctuary_values_2020", state="DC", actor=L, action="interview_in_jail", paperwork=("none",)),
    # D.C. Law 23-282 (sponsor's summary): no "granting ICE access to any District detention facility ... to transfer
    # or release an individual into federal custody" absent a judicial warrant or order
    c("dc_no_transfer", "not allowed", "dc_sanctuary_values_2020", state="DC", actor=L, action="transfer_to_ice", paperwork=DAW,
      charge="misdemeanor"),
    # D.C. Code 24-211.07(a)(4)(B): absent a federal judge's warrant or order, the District shall not "Provide to a
    # federal immigration agency an individual's date and time of release, location, address ..." - any individual,
    # not only people in custody (exception in (a)(4) for federal criminal charges)
    c("dc_custody_info", "not allowed", "dc_sanctuary_values_2020", state="DC", actor=L, action="share_personal_info",
      paperwork=("none",), custody="free"),
    # 24-211.07(b) covers people in custody only; the MPD order of Aug. 14, 2025 is policy, shown as a note, so a
    # stop stays on the federal baseline
    c("dc_mpd_inquiry_note", "allowed", "ina_287g_10 dc_sanctuary_values_2020", state="DC", actor=L, action="ask_status",
      custody="stopped"),
    # Tenn. Code Ann. 7-68-105(a): all agencies "shall ... communicate with the appropriate federal official regarding
    # the immigration status of any individual, including reporting knowledge that a particular alien is not
    # lawfully present"
    # the statute names no trigger; the course applies the duty where officers have reason to believe the person
    # is unlawfully present (independent audit A5, 2026-11-30)
    c("tn_status_reporting", "depends", "tn_7_68_105",
      UNLAWFUL,
      state="TN", actor=L, action="share_status"),
    # O.C.G.A. 42-4-14(b): reasonable effort within 48 hours of arrival to determine nationality and lawful status;
    # notify DHS if unlawfully present (notice clause read in the pre-2024 text)
    c("ga_status_report_jail", "depends", "ga_42_4_14",
      {"fact": "custody", "branches": {"free": "allowed", "stopped": "allowed", "pending_charges": "depends",
                                       "bail_posted": "depends", "release_due": "depends", "sentence_completed": "depends"}},
      state="GA", actor=L, action="share_status"),
    # once jailed, the notice duty turns on whether the person is found unlawfully present
    c("ga_status_report_jail", "depends", "ga_42_4_14",
      UNLAWFUL,
      state="GA", actor=L, action="share_status", custody="pending_charges"),
    # RSMo 544.472.1: "If it is determined that the prisoner is in the United States unlawfully, the arresting agency
    # shall notify the United States Department of Homeland Security"
    c("mo_status_report_jail", "depends", "mo_544_472",
      UNLAWFUL,
      state="MO", actor=L, action="share_status", custody="pending_charges"),
    # HEA 1393 (2025) digest: the jail "shall notify the county sheriff ... and the county sheriff shall notify the
    # proper authority" (eff. July 1, 2025)
    c("in_status_report_intake", "depends", "in_hb1393_2025",
      UNLAWFUL,
      state="IN", actor="jem", action="share_status", custody="release_due"),
    # C.R.S. 24-74-104 as extended by SB25-276 (PII includes immigration or citizenship status) vs 8 U.S.C. 1373:
    # a note on the conflict; the answer follows the federal statute
    c("co_status_pii_note", "allowed", "co_crs_24_74_104 usc_1373", state="CO", actor=L, action="share_status"),
    # La. R.S. 14:134(A)(5) (release "without providing advance notice" to ICE when the agency knows of unlawful
    # presence) and (A)(6) (refusing a lawful request for cooperation), added by SB 15 (2025)
    c("la_notice_required", "required", "la_rs_14_134", state="LA", actor=L, action="notify_release", paperwork=DET),
    # La. R.S. 14:134(A)(5): malfeasance to release "without providing advance notice to" ICE when the agency "is aware
    # that the person either illegally entered or unlawfully remained" - no detainer needed; turns on that knowledge
    c("la_notice_known_unlawful", "depends", "la_rs_14_134",
      UNLAWFUL,
      state="LA", actor=L, action="notify_release", paperwork=("none",), custody="release_due"),
    # Ala. Code 31-13-19: unlawfully present and "convicted ... and is within 30 days of release" -> "shall notify" ICE
    c("al_notice_convicted", "depends", "al_31_13_19",
      UNLAWFUL,
      state="AL", actor=L, action="notify_release", paperwork=("none",), custody="sentence_completed"),
    # La. R.S. 33:84(A)(2): "comply with the requests made in the immigration detainer" (any facially sufficient one)
    c("la_transfer_required", "required", "la_rs_33_84", state="LA", actor=L, action="transfer_to_ice", paperwork=DET),
    c("la_transfer_required", "required", "la_rs_33_84", state="LA", actor=L, action="transfer_to_ice", paperwork=DAW,
      charge="misdemeanor"),
    # N.C.G.S. 162-62(b1) as amended by S.L. 2025-85 (H318, eff. Oct. 1, 2025): notify ICE of the release time
    c("nc_notice_required", "required", "nc_gs_162_62", state="NC", actor=L, action="notify_release", paperwork=DAW, charge="felony"),
    # Cal. Gov't Code 7284.6(a)(4): transfer only with judicial warrant / judicial probable cause or per 7282.5
    c("ca_no_transfer", "not allowed", "ca_gov_7284_6", state="CA", actor=L, action="transfer_to_ice", paperwork=DAW, charge="misdemeanor"),
    # ---- courthouses ----
    # N.Y. Civ. Rights Law 28 (Protect Our Courts Act)
    c("ny_poca", "depends", "ny_civ_rights_28", COURT,
      state="NY", actor="ice_officer", action="courthouse_arrest", paperwork=("admin_warrant",)),
    # N.Y. OCA directive of Apr. 17, 2019: ICE arrests "inside a New York State courthouse only pursuant to a judicial
    # warrant or judicial order" - a court-system rule shown as a note; the statute's branches stand
    c("ny_oca_courthouse_note", "depends", "ny_civ_rights_28 ny_oca_directive_2019",
      COURT,
      state="NY", actor="ice_officer", action="courthouse_arrest", paperwork=("admin_warrant",)),
    # Conn. HB 8004 (Nov. 2025 Spec. Sess.; "Lamont has signed three of the four bills", WSHU Nov. 20, 2025, listing
    # HB 8004: "bans ICE agents ... from making arrests in courthouses without a judicial warrant"); Judicial Branch
    # policy of Sept. 16, 2025 - any person, so no attending_court branch
    c("ct_courthouse", "not allowed", "ct_hb8004_2025", state="CT", actor="ice_officer", action="courthouse_arrest",
      paperwork=("admin_warrant",)),
    # HB 8004: public agencies may not disclose non-public addresses, workplaces, work hours or appointments
    c("ct_personal_info", "not allowed", "ct_hb8004_2025", state="CT", actor=L, action="share_personal_info",
      paperwork=("none",)),
    # Cal. Civ. Code 43.54
    c("ca_courthouse", "depends", "ca_civ_43_54", COURT,
      state="CA", actor="ice_officer", action="courthouse_arrest", paperwork=("admin_warrant",)),
    # RCW 2.28.330(1)-(2): no civil arrest going to, remaining at or returning from a court facility (incl. one mile)
    # except on a court order; RCW 2.28.300(3): "court order" is a judge's directive
    c("wa_courthouse", "not allowed", "wa_rcw_2_28_300", state="WA", actor="ice_officer", action="courthouse_arrest", paperwork=("admin_warrant",)),
    # ORS 181A.828(1): "An individual may not be subject to civil arrest without a judicial warrant or judicial order
    # when the individual is in a court facility"; (2) parties, witnesses, family going to or from court
    c("or_courthouse", "not allowed", "or_ors_181a_828", state="OR", actor="tfm", action="courthouse_arrest", paperwork=("admin_warrant",)),
    # C.R.S. 13-1-403(1) (SB20-083, 2020): "A person shall not be subject to civil arrest while the person is present at
    # a courthouse or on its environs, or while going to, attending, or coming from a court proceeding"
    c("co_courthouse", "not allowed", "co_sb20_083", state="CO", actor="ice_officer", action="courthouse_arrest", paperwork=("final_order",)),
    # Ill. P.A. 104-0440, Art. 10 (eff. Dec. 9, 2025)
    c("il_courthouse", "depends", "il_pa104_0440", COURT,
      state="IL", actor="ice_officer", action="courthouse_arrest", paperwork=("admin_warrant",)),
    # 12 V.S.A. 3577 as amended by S.140 (2022): privilege from civil arrest, "including an immigration proceeding",
    # for parties and witnesses going to, attending or returning from court (Migrant Justice; Vt. Daily Chronicle)
    c("vt_courthouse", "depends", "vt_12_3577", COURT,
      state="VT", actor="ice_officer", action="courthouse_arrest", paperwork=("admin_warrant",)),
    # N.J. Judiciary Directive #07-19 (warrant shown to security; arrest after the proceeding) and EO 12 (2026):
    # no statute bars the arrest, so a note; the answer stays the federal one
    c("nj_courthouse_note", "allowed", "nj_judiciary_dir_07_19 nj_eo12_2026 form_i200", state="NJ", actor="ice_officer",
      action="courthouse_arrest", paperwork=("admin_warrant",)),
    # ---- state immigration crimes ----
    # Tex. SB 4 (2023): in force per the course's record; preemption question open
    c("tx_sb4_2023", "allowed", "tx_sb4_2023", state="TX", actor=L, action="state_immigration_crime_arrest"),
    # Enjoined laws never change the answer: Arizona v. United States baseline stays
    c("fl_state_crime_enjoined", "not allowed", "case_arizona_2012", state="FL", actor=L, action="state_immigration_crime_arrest"),
    c("ok_state_crime_enjoined", "not allowed", "case_arizona_2012", state="OK", actor=L, action="state_immigration_crime_arrest"),
    c("ia_state_crime_enjoined", "not allowed", "case_arizona_2012", state="IA", actor=L, action="state_immigration_crime_arrest"),
    c("id_state_crime_enjoined", "not allowed", "case_arizona_2012", state="ID", actor=L, action="state_immigration_crime_arrest"),
    # S.C. S. 735 is a pending bill: federal baseline (permitted) stays
    c("sc_s735_pending", "allowed", "cfr_287_7a", state="SC", actor="wso", action="hold_past_release", paperwork=DET),
]

NOT_IN_FORCE = {"fl_state_crime_enjoined", "ok_state_crime_enjoined", "ia_state_crime_enjoined",
                "id_state_crime_enjoined", "sc_s735_pending"}
"""Rows kept in the table for the record but not law today: their cases check they change nothing."""


def problems(case, analysis) -> list[str]:
    """What is wrong with ``analysis`` against the hand-written ``case`` (empty if it matches)."""
    rule_id, facts, answer, ids, extra = case
    out = []
    if analysis.answer != answer:
        out.append(f"{rule_id}: answer {analysis.answer!r}, expected {answer!r}")
    missing = [i for i in ids if i not in analysis.authority_ids]
    if missing:
        out.append(f"{rule_id}: authorities {missing} missing from {analysis.authority_ids}")
    if "fact" in extra and analysis.deciding_fact != extra["fact"]:
        out.append(f"{rule_id}: deciding fact {analysis.deciding_fact!r}, expected {extra['fact']!r}")
    if "branches" in extra and analysis.branches != extra["branches"]:
        out.append(f"{rule_id}: branches {analysis.branches}, expected {extra['branches']}")
    for value, want in extra.get("branch_ids", {}).items():
        got = {a for step in analysis.branch_steps.get(value, ()) for a in step.authority_ids}
        if not set(want) <= got:
            out.append(f"{rule_id}: branch {value} rests on {sorted(got)}, expected {want}")
    return out
