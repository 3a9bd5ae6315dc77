//! What every section reads: the input, and the framework's items by id, for naming references.

use std::collections::HashMap;

use governance_core::version::ReportData;
use governance_core::{Finding, Framework, Party, Section};

pub(super) struct Ctx<'a> {
    pub data: &'a ReportData,
    pub fw: &'a Framework,
    pub party: HashMap<&'a str, &'a Party>,
    pub platform: HashMap<&'a str, &'a str>,
    pub capability: HashMap<&'a str, &'a str>,
    pub activity: HashMap<&'a str, &'a str>,
    pub standard: HashMap<&'a str, &'a str>,
    pub hard_stop: HashMap<&'a str, &'a str>,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(data: &'a ReportData) -> Ctx<'a> {
        let fw = &data.framework;
        Ctx {
            data,
            fw,
            party: fw.parties.iter().map(|p| (p.id.as_str(), p)).collect(),
            platform: fw.platforms.iter().map(|p| (p.id.as_str(), p.name.as_str())).collect(),
            capability: fw.capabilities.iter().map(|c| (c.id.as_str(), c.name.as_str())).collect(),
            activity: fw.raci.iter().map(|a| (a.id.as_str(), a.name.as_str())).collect(),
            standard: fw.data_quality.iter().map(|d| (d.id.as_str(), d.data_input.as_str())).collect(),
            hard_stop: fw.hard_stops.iter().map(|h| (h.id.as_str(), h.name.as_str())).collect(),
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
