//! The view: the articles the current filter lets through, in list order. Recomputed when a
//! filter or the order changes; everything else reads it.

use crate::corpus::Corpus;
use crate::corpus::filter::{Filter, Order};
use crate::state::StateFilter;

use super::marks::MarkStore;

/// The filtered, ordered articles.
#[derive(Debug, Clone)]
pub struct View {
    pub filter: Filter,
    /// Read/star/tag/note filter, applied after `filter` from the reader's marks.
    pub state: StateFilter,
    pub order: Order,
    /// Article numbers in list order; dated ones first, undated last.
    pub rows: Vec<u32>,
    /// How many of `rows` have a date.
    pub dated: usize,
    /// Bumped by every refresh, so counts over the rows know when to recount.
    pub generation: u64,
}

impl View {
    pub fn new(corpus: &Corpus, filter: Filter, order: Order) -> View {
        let mut v = View { filter, state: StateFilter::default(), order, rows: Vec::new(), dated: 0, generation: 0 };
        v.refresh(corpus, &MarkStore::default());
        v
    }

    /// Selects again after the filter, the marks filter or the order changed.
    pub fn refresh(&mut self, corpus: &Corpus, marks: &MarkStore) {
        self.rows = corpus.select(&self.filter, self.order);
        if !self.state.is_empty() {
            self.rows.retain(|&i| marks.passes(i, &self.state));
        }
        // Undated articles are last: find the first one by binary search.
        self.dated = self.rows.partition_point(|&i| corpus.time_key(i).is_some());
        self.generation += 1;
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The row of the article one step later (`later`) or earlier in time than `row`, among
    /// dated rows.
    pub fn step_in_time(&self, row: usize, later: bool) -> Option<usize> {
        if row >= self.dated {
            return None;
        }
        let forward = later == (self.order == Order::OldestFirst);
        if forward { (row + 1 < self.dated).then_some(row + 1) } else { row.checked_sub(1) }
    }
}
