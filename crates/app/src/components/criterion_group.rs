//! One content area of the form: its heading, its points and its criteria's cards.
//!
//! A component of its own so that a keystroke redraws the area whose answers, results or
//! errors changed, not every card of the form: with 1,000 criteria, building and comparing a
//! card for each was most of a keystroke's time. Its props hold the whole assessment and sheet
//! (shared, not copied) and compare only this area's part of them.

use crate::components::criterion_card::CriterionCard;
use crate::i18n::says;
use crate::shared::Shared;
use crate::state::Action;
use std::rc::Rc;
use tdg_model::score::{AnswerError, CriterionResult, GroupResult};
use tdg_model::units::format_points;
use tdg_model::{Answer, AnswerSheet, Assessment, Catalog, Lang};
use yew::prelude::*;

#[derive(Properties)]
pub struct CriterionGroupProps {
    /// The catalog (compared by identity) and the tier's place in it.
    pub catalog: Shared<Catalog>,
    pub tier: usize,
    /// Which area, with its points.
    pub group: GroupResult,
    pub assessment: Rc<Assessment>,
    /// The answers as scored.
    pub sheet: Rc<AnswerSheet>,
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

/// What one card of the area shows: where its criterion is in the tier, its result, its answer
/// and its errors.
#[derive(PartialEq)]
struct Card<'a> {
    index: usize,
    id: &'a str,
    result: &'a CriterionResult,
    answer: Option<&'a Answer>,
    errors: Vec<&'a AnswerError>,
}

impl CriterionGroupProps {
    /// The area's cards, in the tier's order (the assessment's results are in that order).
    fn cards(&self) -> impl Iterator<Item = Card<'_>> {
        let tier = self.catalog.tiers.get(self.tier);
        let criteria = tier
            .into_iter()
            .flat_map(|t| t.indexed_criteria_for(self.sheet.variant.as_deref(), self.sheet.period));
        criteria
            .zip(self.assessment.criteria.iter())
            .filter(|(_, r)| r.group == self.group.id)
            .map(|((index, c), result)| Card {
                index,
                id: &c.id,
                result,
                answer: self.sheet.answers.get(&c.id),
                errors: self
                    .assessment
                    .errors
                    .iter()
                    .filter(|e| e.criterion == c.id)
                    .collect(),
            })
    }
}

impl PartialEq for CriterionGroupProps {
    fn eq(&self, other: &Self) -> bool {
        self.catalog == other.catalog
            && self.tier == other.tier
            && self.group == other.group
            && self.lang == other.lang
            && self.on_action == other.on_action
            // The year's targets are shown on the cards.
            && self.sheet.period == other.sheet.period
            && self.cards().eq(other.cards())
    }
}

#[function_component(CriterionGroup)]
pub fn criterion_group(props: &CriterionGroupProps) -> Html {
    let lang = props.lang;
    let g = &props.group;
    let name = props
        .catalog
        .group(&g.id)
        .map(|x| x.name.get(lang))
        .unwrap_or("");
    html! {
        <section class="group" aria-labelledby={format!("g-{}", g.id)}>
            <h2 id={format!("g-{}", g.id)}>
                { format!("{} {name}", g.id) }
                <span class="group-points">{ says::points_of(lang, &format_points(g.points, lang), &format_points(g.max, lang)) }</span>
            </h2>
            { for props.cards().map(|card| html! {
                <CriterionCard key={card.id.to_owned()} catalog={props.catalog.clone()} tier={props.tier} index={card.index} period={props.sheet.period}
                    result={card.result.clone()} answer={card.answer.cloned()}
                    errors={card.errors.into_iter().cloned().collect::<Vec<_>>()}
                    {lang} on_action={props.on_action.clone()} />
            }) }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn props(
        catalog: &Shared<Catalog>,
        sheet: AnswerSheet,
        group: &str,
        on_action: &Callback<Action>,
    ) -> CriterionGroupProps {
        let assessment = tdg_model::score(catalog, &sheet).expect("the sample scores");
        let tier = catalog
            .tiers
            .iter()
            .position(|t| t.id == sheet.tier)
            .expect("the sample's tier");
        CriterionGroupProps {
            catalog: catalog.clone(),
            tier,
            group: assessment
                .groups
                .iter()
                .find(|g| g.id == group)
                .expect("the group")
                .clone(),
            assessment: Rc::new(assessment),
            sheet: Rc::new(sheet),
            lang: Lang::Vi,
            on_action: on_action.clone(),
        }
    }

    /// A keystroke in one content area redraws that area only: the others' props are equal.
    #[test]
    fn an_area_is_equal_unless_its_own_answers_results_or_errors_change() {
        let catalog = crate::state::tests::loaded().catalog.clone();
        let sample =
            AnswerSheet::from_json(include_bytes!("../../../../assets/samples/so-nganh.json"))
                .expect("the department sample");
        let on_action = Callback::from(|_: Action| ());
        let typed_into = "sn.nhiem-vu";
        let mut typed = sample.clone();
        let answer = typed
            .answers
            .get_mut(typed_into)
            .expect("the sample answers it");
        answer.numerator = Some(1);
        let scored = tdg_model::score(&catalog, &sample).expect("scores");
        let own = scored
            .criteria
            .iter()
            .find(|r| r.id == typed_into)
            .expect("its result")
            .group
            .clone();
        let other = scored
            .groups
            .iter()
            .map(|g| g.id.clone())
            .find(|g| *g != own)
            .expect("another area");
        assert!(
            props(&catalog, sample.clone(), &other, &on_action)
                == props(&catalog, typed.clone(), &other, &on_action)
        );
        assert!(
            props(&catalog, sample.clone(), &own, &on_action)
                != props(&catalog, typed, &own, &on_action)
        );
        assert!(
            props(&catalog, sample.clone(), &own, &on_action)
                .cards()
                .count()
                > 0
        );
        // A document's title typed: the area's points stay, its card changes.
        let mut titled = sample.clone();
        let evidence = &mut titled
            .answers
            .get_mut(typed_into)
            .expect("answered")
            .evidence;
        match evidence.first_mut() {
            Some(tdg_model::answer::Evidence::Document { title, .. }) => title.push_str(" (sửa)"),
            other => panic!("the sample's first evidence is a document: {other:?}"),
        }
        let before = props(&catalog, sample.clone(), &own, &on_action);
        let after = props(&catalog, titled, &own, &on_action);
        assert_eq!(before.group, after.group);
        assert!(before != after);
        // The same answers for another year: the area is drawn again (a card shows the year's
        // target, which a catalog may set apart from the measure's own).
        let mut next_year = sample.clone();
        next_year.period += 1;
        assert!(
            props(&catalog, sample.clone(), &own, &on_action)
                != props(&catalog, next_year, &own, &on_action)
        );
        // The same answers in another language: every area is drawn again.
        let mut english = props(&catalog, sample.clone(), &other, &on_action);
        english.lang = Lang::En;
        assert!(props(&catalog, sample, &other, &on_action) != english);
    }
}
