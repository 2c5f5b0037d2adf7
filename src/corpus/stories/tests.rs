//! Grouping on made-up articles: copies found through edits, separate reports of one event
//! joined, and look-alike events kept apart.

use super::*;

const WIRE: &str = "Workers at the Harrowgate dam in Lemmingford opened all six spillways on Tuesday after \
    three days of rain raised the reservoir to its highest level since 1987, the regional water \
    authority said. Residents of the villages of Ostrey and Calder Mill were told to move to higher \
    ground before nightfall. The authority's director, Pella Okonkwo, said the dam itself was sound \
    and that engineers were watching the eastern wall around the clock. Police closed the valley \
    road between Ostrey and the dam, and two schools in Calder Mill will stay shut on Wednesday. \
    The last time the spillways were opened together, in 1987, the river burst its banks in four \
    places and flooded more than two hundred homes. Forecasters expect the rain to ease on Thursday.";

fn input(n: u64, title: &str, body: &[&str], day: Option<i32>) -> Input {
    Input {
        text: Text { title: title.into(), body: body.iter().map(|s| s.to_string()).collect() },
        day,
        agency: None,
        id: ArticleId(n),
    }
}

fn paragraphs(s: &str) -> Vec<&str> {
    s.split(". ").collect()
}

#[test]
fn edited_copies_are_one_text() {
    let p = paragraphs(WIRE);
    let trimmed = &p[..p.len() - 2];
    let mut with_furniture = vec!["Sign up for our newsletter and follow us for more local news"];
    with_furniture.extend(&p);
    let inputs = [
        input(1, "Dam spillways opened as reservoir hits record", &p, Some(100)),
        input(2, "Villages told to leave as Harrowgate dam fills", trimmed, Some(100)),
        input(3, "Harrowgate dam opens spillways", &with_furniture, Some(101)),
    ];
    let s = Stories::of_inputs(&inputs, Params::default());
    assert_eq!(s.stories.len(), 1);
    assert_eq!(s.stories[0].members, [0, 1, 2]);
    assert_eq!(s.stories[0].copies.len(), 1);
    assert_eq!(s.stories[0].copies[0].members, [0, 1, 2]);
    assert!(s.stories[0].copies[0].shared >= 0.9, "{}", s.stories[0].copies[0].shared);
}

const OTHER: &str = "A freight train carrying grain derailed near Bexley Junction on Tuesday, \
    spilling wheat across both tracks, the rail operator Northline said. Nobody was hurt. The line \
    between Bexley and Marrow Vale will stay closed until Friday while cranes lift the wagons. \
    Northline's operations chief, Ruth Ambler, said an inspection of the rails would begin once the \
    wagons were cleared. Passengers were offered buses between the two towns.";

const REPORT: &str = "Emergency crews went door to door in Ostrey on Tuesday evening after the \
    Harrowgate dam authority in Lemmingford released water from all its spillways. Director Pella \
    Okonkwo told local radio the structure was not at risk. Calder Mill families spent the night in \
    a sports hall, and the valley road stayed closed. Rain is forecast to stop on Thursday.";

#[test]
fn an_independent_report_joins_the_story_but_is_not_a_copy() {
    let p = paragraphs(WIRE);
    let inputs = [
        input(1, "Dam spillways opened as reservoir hits record", &p, Some(100)),
        input(2, "Harrowgate dam: Ostrey families spend night in sports hall", &[REPORT], Some(100)),
        input(3, "Grain train derails at Bexley Junction", &[OTHER], Some(100)),
        input(4, "Undated dam piece", &p, None),
        input(5, "", &[], Some(100)),
    ];
    let s = Stories::of_inputs(&inputs, Params::default());
    assert_eq!(s.stories.len(), 1, "{:?}", s.stories);
    assert_eq!(s.stories[0].members, [0, 1]);
    assert!(s.stories[0].copies.is_empty());
    assert!(s.left_out(3) && s.left_out(4), "undated and empty articles are left alone");
    assert!(s.story_of(2).is_none());
}

#[test]
fn the_same_place_weeks_later_is_another_story() {
    let p = paragraphs(WIRE);
    let inputs = [
        input(1, "Dam spillways opened as reservoir hits record", &p, Some(100)),
        input(2, "Harrowgate dam: Ostrey families spend night in sports hall", &[REPORT], Some(100)),
        input(3, "Harrowgate dam spillways opened again", &[REPORT], Some(140)),
    ];
    let s = Stories::of_inputs(&inputs, Params::default());
    assert_eq!(s.stories.len(), 1);
    assert_eq!(s.stories[0].members, [0, 1]);
}

#[test]
fn day_numbers_are_days_since_1970() {
    assert_eq!(day_number(jiff::civil::date(1970, 1, 1)), 0);
    assert_eq!(day_number(jiff::civil::date(2019, 4, 23)), 18009);
    assert_eq!(day_number(jiff::civil::date(1969, 12, 31)), -1);
}

#[test]
fn a_new_article_finds_its_story() {
    let p = paragraphs(WIRE);
    let inputs = [
        input(1, "Dam spillways opened as reservoir hits record", &p, Some(100)),
        input(2, "Harrowgate dam: Ostrey families spend night in sports hall", &[REPORT], Some(100)),
        input(3, "Grain train derails at Bexley Junction", &[OTHER], Some(100)),
    ];
    let s = Stories::of_inputs(&inputs, Params::default());
    let copy = Text { title: "Lemmingford dam opens spillways".into(), body: vec![WIRE.into()] };
    let a = s.assign(&Profile::of(&copy, Some(101)).unwrap());
    assert_eq!(a, Assignment { story: Some(0), copy_of: Some(0) });
    let train = Text { title: "Bexley line to reopen".into(), body: vec![OTHER.into()] };
    assert_eq!(s.assign(&Profile::of(&train, Some(101)).unwrap()).story, None);
}
