//! What every section reads: the input, and the framework's items by id, for naming references.

use std::collections::HashMap;

use governance_core::coverage::Coverage;
use governance_core::obligations::{Catalogue, Obligation};
use governance_core::version::ReportData;
use governance_core::{Finding, Framework, Party, Section};

pub(super) struct Ctx<'a> {
    pub data: &'a ReportData,
    /// The report format being written: what a section shows may depend on it.
    pub format: u32,
    pub fw: &'a Framework,
    pub party: HashMap<&'a str, &'a Party>,
    pub platform: HashMap<&'a str, &'a str>,
    pub capability: HashMap<&'a str, &'a str>,
    pub activity: HashMap<&'a str, &'a str>,
    pub standard: HashMap<&'a str, &'a str>,
    pub hard_stop: HashMap<&'a str, &'a str>,
    pub rule: HashMap<&'a str, &'a str>,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(data: &'a ReportData, format: u32) -> Ctx<'a> {
        let fw = &data.framework;
        Ctx {
            data,
            format,
            fw,
            party: fw.parties.iter().map(|p| (p.id.as_str(), p)).collect(),
            platform: fw.platforms.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect(),
            capability: fw.capabilities.iter().map(|c| (c.id.as_str(), c.name.as_str())).collect(),
            activity: fw.raci.iter().map(|a| (a.id.as_str(), a.name.as_str())).collect(),
            standard: fw.data_quality.iter().map(|d| (d.id.as_str(), d.data_input.as_str())).collect(),
            hard_stop: fw.hard_stops.iter().map(|h| (h.id.as_str(), h.name.as_str())).collect(),
            rule: fw.compliance_rules.iter().map(|r| (r.id.as_str(), r.name.as_str())).collect(),
        }
    }

    pub(super) fn party_name(&self, id: &str) -> String {
        self.party.get(id).map_or_else(|| format!("{id} (unknown party)"), |p| p.name.clone())
    }

    pub(super) fn party_line(&self, id: &str) -> String {
        match self.party.get(id) {
            Some(p) if !p.title.is_empty() => format!("{}, {}", p.name, p.title),
            Some(p) => p.name.clone(),
            None => format!("{id} (unknown party)"),
        }
    }

    pub(super) fn platform_name(&self, id: &str) -> String {
        self.platform.get(id).map_or_else(|| format!("{id} (unknown platform)"), |n| (*n).to_owned())
    }

    pub(super) fn capability_name(&self, id: &str) -> String {
        self.capability.get(id).map_or_else(|| format!("{id} (unknown capability)"), |n| (*n).to_owned())
    }

    /// The obligation with this id in the report's own catalogues (its manifest's copy), never
    /// the app's: the pages must not change when the shipped catalogues do.
    pub(super) fn obligation(&self, id: &str) -> Option<(&'a Catalogue, &'a Obligation)> {
        governance_core::obligations::find(&self.data.catalogues, id)
    }

    pub(super) fn catalogue(&self, id: &str) -> Option<&'a Catalogue> {
        self.data.catalogues.iter().find(|c| c.id == id)
    }

    /// The coverage of the framework by the report's own catalogues.
    pub(super) fn coverage(&self) -> Coverage {
        governance_core::coverage::coverage_by(self.fw, &self.data.catalogues)
    }

    /// The citations of obligations, by id ("GDPR Art. 22"); an id the report's catalogues do
    /// not hold is shown as itself.
    pub(super) fn citations(&self, ids: &[String]) -> Vec<String> {
        ids.iter().map(|id| self.obligation(id).map_or_else(|| id.clone(), |(_, o)| o.citation.clone())).collect()
    }

    /// "Answers: GDPR Art. 22; Art. 50 AI Act", for the parts linked to obligations (report
    /// format 4 and later); `None` before format 4 or when nothing is linked.
    pub(super) fn answers_line(&self, ids: &[String]) -> Option<String> {
        (self.format >= 4 && !ids.is_empty()).then(|| format!("Answers: {}", self.citations(ids).join("; ")))
    }

    /// A readable name for a finding's item.
    pub(super) fn item_name(&self, f: &Finding) -> String {
        let Some(item) = f.item.as_deref() else {
            return String::new();
        };
        let found = match f.section {
            Section::Parties => self.party.get(item).map(|p| p.name.clone()),
            Section::Platforms => self.platform.get(item).map(|s| (*s).to_owned()),
            Section::Capabilities => self.capability.get(item).map(|s| (*s).to_owned()),
            Section::Raci => self
                .activity
                .get(item)
                .map(|s| (*s).to_owned())
                .or_else(|| self.party.get(item).map(|p| p.name.clone())),
            Section::DataQuality => self.standard.get(item).map(|s| (*s).to_owned()),
            Section::HardStops => self.hard_stop.get(item).map(|s| (*s).to_owned()),
            Section::ComplianceRules => self.rule.get(item).map(|s| (*s).to_owned()),
            // "UK/uk-gdpr-ico": the message names the catalogue.
            Section::Coverage => item.split_once('/').map(|(j, _)| jurisdiction_label(Some(j).filter(|j| *j != "*"))),
            Section::Matrix => item.split_once('/').map(|(c, p)| {
                format!(
                    "{} on {}",
                    self.capability.get(c).copied().unwrap_or(c),
                    self.platform.get(p).copied().unwrap_or(p)
                )
            }),
            _ => None,
        };
        found.unwrap_or_else(|| item.to_owned())
    }

    /// The jurisdictions, comma-separated.
    pub(super) fn jurisdictions(&self) -> String {
        if self.fw.jurisdictions.is_empty() {
            "None listed".to_owned()
        } else {
            self.fw.jurisdictions.join(", ")
        }
    }

    /// The name of the attached snapshot file.
    pub(super) fn attachment_name(&self) -> String {
        super::format::attachment_name_for(&self.fw.id, self.data.info.number)
    }

    /// The name of the attached report manifest.
    pub(super) fn manifest_name(&self) -> String {
        super::format::manifest_name_for(&self.fw.id, self.data.info.number)
    }
}

/// A coverage group's jurisdiction, or the words for a catalogue that applies in every one.
pub(super) fn jurisdiction_label(j: Option<&str>) -> String {
    j.map_or_else(|| "Every jurisdiction".to_owned(), str::to_owned)
}
