//! OSCAL 1.1.3 export (SPEC section 9): each shipped obligation catalogue as an OSCAL catalog,
//! and a published framework version as an OSCAL component definition whose implemented
//! requirements are the obligations its parts are linked to. Pure: domain values in, serde
//! structs out; the caller writes the files (`to_json`).
//!
//! Every UUID is a version 5 UUID of a name under `NAMESPACE`, so the same version and the same
//! catalogues export byte-identical files. Document UUIDs name what the document holds (the
//! version's hash, the catalogue's content), because OSCAL asks for a new one when a document
//! changes; the UUIDs inside (component, control implementations, implemented requirements) name
//! only their subject, because OSCAL asks for the same one across revisions.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::Serialize;
use uuid::Uuid;

use crate::coverage::Answer;
use crate::error::{Error, Result};
use crate::model::Framework;
use crate::obligations::{Catalogue, Obligation};
use crate::validate::Section;
use crate::version::{sha256_hex, VersionInfo};

/// The OSCAL version the structs follow (compliance-trestle 3.12.4's models check it).
pub const OSCAL_VERSION: &str = "1.1.3";

/// The namespace of our props and parts. OSCAL wants a URI; trestle 3.x accepts only a URL, and
/// a URL with a path survives trestle 5.x's round trip unchanged.
pub const NS: &str = "https://governance-workbench.example/ns/oscal";

/// The namespace of every UUID we derive: uuid5(NAMESPACE_URL, NS), written out so that it can
/// never change by accident (a unit test derives it again).
pub const NAMESPACE: Uuid = Uuid::from_u128(0x7144170c_4db1_5731_9bae_a43104df6a51);

/// The version 5 UUID of `name`, in lower case as OSCAL's pattern and trestle expect.
pub fn uuid(name: &str) -> String {
    Uuid::new_v5(&NAMESPACE, name.as_bytes()).to_string()
}

/// A document with its one top-level key, `catalog`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OscalCatalog {
    pub catalog: Catalog,
}

/// A document with its one top-level key, `component-definition`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct OscalComponentDefinition {
    pub component_definition: ComponentDefinition,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Catalog {
    pub uuid: String,
    pub metadata: Metadata,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub controls: Vec<Control>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Metadata {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub last_modified: String,
    pub version: String,
    pub oscal_version: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub props: Vec<Prop>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Party>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub responsible_parties: Vec<ResponsibleParty>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prop {
    pub name: String,
    pub ns: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    pub href: String,
    pub rel: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Role {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Party {
    pub uuid: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ResponsibleParty {
    pub role_id: String,
    pub party_uuids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Control {
    pub id: String,
    pub class: String,
    pub title: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub props: Vec<Prop>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Part {
    pub id: String,
    pub name: String,
    pub prose: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ComponentDefinition {
    pub uuid: String,
    pub metadata: Metadata,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<Component>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Component {
    pub uuid: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub description: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub props: Vec<Prop>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub control_implementations: Vec<ControlImplementation>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ControlImplementation {
    pub uuid: String,
    pub source: String,
    pub description: String,
    pub implemented_requirements: Vec<ImplementedRequirement>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ImplementedRequirement {
    pub uuid: String,
    pub control_id: String,
    pub description: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub props: Vec<Prop>,
}

fn prop(name: &str, value: &str) -> Prop {
    Prop { name: name.to_owned(), ns: NS.to_owned(), value: prop_value(value) }
}

/// A prop value is one line without surrounding spaces (OSCAL's string pattern `^\S(.*\S)?$`).
fn prop_value(value: &str) -> String {
    let one_line = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.is_empty() {
        "-".to_owned()
    } else {
        one_line
    }
}

/// A title is one line (OSCAL's markup-line).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Pretty JSON with a final newline, fields in declaration order.
pub fn to_json<T: Serialize>(document: &T) -> String {
    let mut s = serde_json::to_string_pretty(document).expect("OSCAL structs serialise");
    s.push('\n');
    s
}

/// When a catalogue's texts date from: the first `YYYY-MM-DD` in its version, else the first
/// day of the first "Month YYYY" in it (ISO and NIST name an edition, not a day).
pub fn catalogue_date(version: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = version.split(|c: char| !c.is_alphanumeric() && c != '-').collect();
    if let Some(d) = words.iter().find_map(|w| NaiveDate::parse_from_str(w, "%Y-%m-%d").ok()) {
        return Some(d);
    }
    words.windows(2).find_map(|w| NaiveDate::parse_from_str(&format!("1 {} {}", w[0], w[1]), "%d %B %Y").ok())
}

/// A shipped obligation catalogue as an OSCAL catalog.
pub fn catalog(c: &Catalogue) -> OscalCatalog {
    let content = serde_json::to_vec(c).expect("a catalogue serialises");
    // A shipped catalogue always has a date (a unit test checks); the epoch keeps others valid.
    let date = catalogue_date(&c.version).unwrap_or(NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date"));
    let publisher = uuid(&format!("party/{}", c.publisher));
    let mut props = vec![prop("catalogue-kind", kind_name(c))];
    props.extend(c.jurisdictions.iter().map(|j| prop("jurisdiction", j)));
    let metadata = Metadata {
        title: one_line(&c.title),
        published: None,
        last_modified: format!("{}T00:00:00Z", date.format("%Y-%m-%d")),
        version: prop_value(&c.version),
        oscal_version: OSCAL_VERSION.to_owned(),
        props,
        links: vec![Link { href: c.source_url.clone(), rel: "reference".into(), text: Some("Official source".into()) }],
        roles: vec![Role { id: "source-publisher".into(), title: "Publisher of the texts summarised".into() }],
        parties: vec![Party { uuid: publisher.clone(), kind: "organization".into(), name: one_line(&c.publisher) }],
        responsible_parties: vec![ResponsibleParty {
            role_id: "source-publisher".into(),
            party_uuids: vec![publisher],
        }],
        remarks: Some(format!(
            "{} Each control is one obligation: its citation and official title, and a summary in our \
             own words as its statement. Published by Governance Workbench from the texts' version {}.",
            c.notice, c.version
        )),
    };
    OscalCatalog {
        catalog: Catalog {
            uuid: uuid(&format!("catalog/{}/{}", c.id, sha256_hex(&content))),
            metadata,
            controls: c.obligations.iter().map(control).collect(),
        },
    }
}

fn kind_name(c: &Catalogue) -> &'static str {
    use crate::obligations::CatalogueKind::*;
    match c.kind {
        Law => "law",
        Guidance => "guidance",
        Standard => "standard",
        Framework => "framework",
    }
}

fn control(o: &Obligation) -> Control {
    let mut props = vec![prop("citation", &o.citation)];
    props.extend(o.topics.iter().map(|t| {
        let name = serde_json::to_value(t).expect("a topic serialises");
        prop("topic", name.as_str().expect("a topic is a string"))
    }));
    Control {
        id: o.id.clone(),
        class: "obligation".into(),
        title: one_line(&o.title),
        props,
        links: o.url.iter().map(|u| Link { href: u.clone(), rel: "reference".into(), text: None }).collect(),
        parts: vec![Part { id: format!("{}_smt", o.id), name: "statement".into(), prose: o.summary.clone() }],
    }
}

/// A published version as an OSCAL component definition: one component of type `policy` (the
/// framework), with one control implementation per catalogue it links to, whose `source` is
/// `catalog_href(catalogue)`.
pub fn component_definition(
    fw: &Framework,
    version: &VersionInfo,
    catalog_href: &dyn Fn(&Catalogue) -> String,
) -> Result<OscalComponentDefinition> {
    let published = DateTime::parse_from_rfc3339(&version.published_at)
        .map_err(|e| Error::Damaged(format!("version {}: its publication time does not read ({e})", version.number)))?
        .with_timezone(&Utc)
        .to_rfc3339_opts(SecondsFormat::AutoSi, true);
    let organisation = uuid(&format!("party/{}", fw.organisation));
    let has_org = !fw.organisation.trim().is_empty();
    let metadata = Metadata {
        title: one_line(&format!("{}, version {}", fw.name, version.number)),
        published: Some(published.clone()),
        last_modified: published,
        version: version.number.to_string(),
        oscal_version: OSCAL_VERSION.to_owned(),
        props: vec![prop("framework-id", &fw.id), prop("snapshot-sha256", &version.sha256)],
        links: vec![],
        roles: if has_org { vec![Role { id: "maintainer".into(), title: "Maintainer".into() }] } else { vec![] },
        parties: if has_org {
            vec![Party { uuid: organisation.clone(), kind: "organization".into(), name: one_line(&fw.organisation) }]
        } else {
            vec![]
        },
        responsible_parties: if has_org {
            vec![ResponsibleParty { role_id: "maintainer".into(), party_uuids: vec![organisation] }]
        } else {
            vec![]
        },
        remarks: Some(format!(
            "Published version {} of the framework {}, SHA-256 {} of its snapshot. Each implemented \
             requirement names the parts of the framework linked to an obligation; the obligations' \
             summaries are ours and not legal advice.",
            version.number, fw.id, version.sha256
        )),
    };
    let description = if fw.description.trim().is_empty() {
        format!("The governance framework {}.", one_line(&fw.name))
    } else {
        fw.description.clone()
    };
    let component = Component {
        uuid: uuid(&format!("{}/component", fw.id)),
        kind: "policy".into(),
        title: one_line(&fw.name),
        description,
        props: vec![prop("version-number", &version.number.to_string()), prop("snapshot-sha256", &version.sha256)],
        control_implementations: control_implementations(fw, catalog_href),
    };
    Ok(OscalComponentDefinition {
        component_definition: ComponentDefinition {
            uuid: uuid(&format!("component-definition/{}/v{}/{}", fw.id, version.number, version.sha256)),
            metadata,
            components: vec![component],
        },
    })
}

/// One control implementation per shipped catalogue with a linked obligation, in catalogue
/// order, and in it one implemented requirement per linked obligation, in catalogue order.
fn control_implementations(fw: &Framework, catalog_href: &dyn Fn(&Catalogue) -> String) -> Vec<ControlImplementation> {
    let linked = crate::coverage::answers(fw);
    crate::obligations::catalogues()
        .iter()
        .filter_map(|c| {
            let requirements: Vec<ImplementedRequirement> = c
                .obligations
                .iter()
                .filter_map(|o| linked.get(&o.id).filter(|a| !a.is_empty()).map(|a| requirement(fw, o, a)))
                .collect();
            (!requirements.is_empty()).then(|| ControlImplementation {
                uuid: uuid(&format!("{}/control-implementation/{}", fw.id, c.id)),
                source: catalog_href(c),
                description: format!("The parts of {} linked to obligations of {}.", one_line(&fw.name), c.title),
                implemented_requirements: requirements,
            })
        })
        .collect()
}

fn requirement(fw: &Framework, o: &Obligation, answers: &[Answer]) -> ImplementedRequirement {
    let parts: Vec<String> = answers.iter().map(describe).collect();
    ImplementedRequirement {
        uuid: uuid(&format!("{}/implemented-requirement/{}", fw.id, o.id)),
        control_id: o.id.clone(),
        description: format!("Answered by: {}.", parts.join("; ")),
        props: answers.iter().map(|a| prop("framework-part", &a.path)).collect(),
    }
}

/// One part in words: `Hard stop “Daily spend cap” (hard_stops[daily-cap-all])`, a rule with its
/// jurisdiction; the override policy and review schedule are named by their name alone.
fn describe(a: &Answer) -> String {
    let kind = match a.section {
        Section::Capabilities => "Capability decision mode",
        Section::Raci => "RACI activity",
        Section::DataQuality => "Data-quality standard",
        Section::HardStops => "Hard stop",
        Section::ComplianceRules => "Compliance rule",
        _ => return format!("{} ({})", one_line(&a.name), a.path),
    };
    let name = one_line(&a.name);
    match &a.jurisdiction {
        Some(j) => format!("{kind} “{name}”, {j} ({})", a.path),
        None => format!("{kind} “{name}” ({})", a.path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::obligations::catalogues;
    use serde_json::Value;

    /// OSCAL's token: a letter or `_`, then letters, digits, `-`, `.` or `_`.
    fn token(s: &str) -> bool {
        let mut chars = s.chars();
        chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
            && chars.all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '_'))
    }

    /// Checks what trestle's models do not: no empty array (OSCAL forbids them), every UUID a
    /// lower-case version 5 UUID and unique, every id and prop name a token, every prop value
    /// one trimmed line. Returns how many UUIDs it saw.
    fn check(v: &Value, uuids: &mut std::collections::HashSet<String>) {
        match v {
            Value::Array(items) => {
                assert!(!items.is_empty(), "an empty array");
                items.iter().for_each(|i| check(i, uuids));
            }
            Value::Object(map) => {
                for (k, v) in map {
                    let text = v.as_str().unwrap_or_default();
                    match k.as_str() {
                        "uuid" => {
                            let u = Uuid::parse_str(text).unwrap();
                            assert_eq!((u.get_version_num(), u.to_string()), (5, text.to_owned()));
                            assert!(uuids.insert(text.to_owned()), "{text} twice");
                        }
                        "id" | "control-id" | "role-id" | "name" if map.contains_key("value") || k != "name" => {
                            assert!(token(text), "{k} {text:?} is not a token")
                        }
                        "value" | "title" | "version" => {
                            assert!(!text.is_empty() && text.trim() == text && !text.contains('\n'), "{k} {text:?}")
                        }
                        _ => {}
                    }
                    check(v, uuids);
                }
            }
            _ => {}
        }
    }

    fn linked_framework() -> Framework {
        let mut fw = crate::starter::starter_framework();
        fw.hard_stops[0].obligations = vec!["ftc-255-5".into(), "gdpr-art-22".into()];
        fw.raci[0].obligations = vec!["ftc-255-5".into()];
        fw.override_policy.obligations = vec!["nist-ai-rmf-manage-2.4".into()];
        let mut rule = fw.compliance_rules.first().cloned().unwrap_or_else(|| crate::model::ComplianceRule {
            id: String::new(),
            name: String::new(),
            jurisdiction: String::new(),
            kind: crate::model::RuleKind::Disclosure,
            requirement: "Label AI-generated content.".into(),
            all_capabilities: true,
            capabilities: vec![],
            all_platforms: true,
            platforms: vec![],
            enforced_by: vec![crate::model::Enforcement::PrePublicationCheck],
            evidence: String::new(),
            owner: fw.parties[0].id.clone(),
            obligations: vec![],
        });
        (rule.id, rule.name, rule.jurisdiction) = ("uk-label".into(), "Label AI content".into(), "UK".into());
        rule.obligations = vec!["ftc-255-5".into()];
        fw.compliance_rules.push(rule);
        fw
    }

    fn version(fw: &Framework) -> VersionInfo {
        VersionInfo {
            framework: fw.id.clone(),
            number: 3,
            published_at: "2026-05-04T10:11:12.345+02:00".into(),
            author: "alice".into(),
            summary: "Third".into(),
            sha256: "ab".repeat(32),
            previous_sha256: None,
        }
    }

    fn href(c: &Catalogue) -> String {
        format!("{}.json", c.id)
    }

    #[test]
    fn the_uuid_namespace_is_uuid5_of_our_ns_url_and_uuids_are_version_5_and_repeatable() {
        assert_eq!(NAMESPACE, Uuid::new_v5(&Uuid::NAMESPACE_URL, NS.as_bytes()));
        assert_eq!(uuid("f/v1/ftc-255-5"), uuid("f/v1/ftc-255-5"));
        assert_ne!(uuid("f/v1/ftc-255-5"), uuid("f/v2/ftc-255-5"));
        assert_eq!(Uuid::parse_str(&uuid("x")).unwrap().get_version_num(), 5);
    }

    #[test]
    fn every_shipped_catalogue_has_a_date_and_exports_without_empty_arrays_with_oscal_safe_ids() {
        for c in catalogues() {
            assert!(catalogue_date(&c.version).is_some(), "{}: no date in {:?}", c.id, c.version);
            let json: Value = serde_json::from_str(&to_json(&catalog(c))).unwrap();
            check(&json, &mut Default::default());
            let controls = json["catalog"]["controls"].as_array().unwrap();
            assert_eq!(controls.len(), c.obligations.len());
            assert!(json["catalog"]["metadata"]["remarks"].as_str().unwrap().contains("not legal advice"));
        }
        assert_eq!(catalogue_date("1.0 (NIST AI 100-1, January 2023)"), NaiveDate::from_ymd_opt(2023, 1, 1));
        assert_eq!(catalogue_date("2023-07-26"), NaiveDate::from_ymd_opt(2023, 7, 26));
    }

    #[test]
    fn a_catalog_is_the_same_bytes_every_time_and_its_uuid_follows_its_content() {
        let c = &catalogues()[0];
        assert_eq!(to_json(&catalog(c)), to_json(&catalog(c)));
        let mut changed = c.clone();
        changed.obligations[0].summary.push_str(" More.");
        assert_ne!(catalog(c).catalog.uuid, catalog(&changed).catalog.uuid);
        assert!(to_json(&catalog(c)).ends_with("}\n"));
    }

    #[test]
    fn a_version_exports_its_linked_obligations_per_catalogue_with_the_parts_in_words() {
        let fw = linked_framework();
        let cd = component_definition(&fw, &version(&fw), &href).unwrap().component_definition;
        assert_eq!(cd.metadata.last_modified, "2026-05-04T08:11:12.345Z");
        let impls = &cd.components[0].control_implementations;
        let sources: Vec<&str> = impls.iter().map(|i| i.source.as_str()).collect();
        assert_eq!(sources, ["ftc.json", "gdpr.json", "nist-ai-rmf.json"], "catalogue order, linked ones only");
        let ftc = &impls[0].implemented_requirements[0];
        assert_eq!(ftc.control_id, "ftc-255-5");
        let stop = &fw.hard_stops[0];
        assert!(ftc.description.contains(&format!("Hard stop “{}” (hard_stops[{}])", stop.name, stop.id)));
        assert!(ftc.description.contains(&format!("RACI activity “{}”", fw.raci[0].name)));
        assert!(ftc.description.ends_with("; Compliance rule “Label AI content”, UK (compliance_rules[uk-label])."));
        let parts: Vec<&str> = ftc.props.iter().map(|p| p.value.as_str()).collect();
        assert_eq!(
            parts,
            [&format!("raci[{}]", fw.raci[0].id), &format!("hard_stops[{}]", stop.id), "compliance_rules[uk-label]"]
        );
        assert_eq!(impls[2].implemented_requirements[0].description, "Answered by: Override policy (override_policy).");
    }

    #[test]
    fn a_version_exports_the_same_bytes_every_time_without_empty_arrays_or_duplicate_uuids() {
        let fw = linked_framework();
        let a = to_json(&component_definition(&fw, &version(&fw), &href).unwrap());
        assert_eq!(a, to_json(&component_definition(&fw, &version(&fw), &href).unwrap()));
        check(&serde_json::from_str(&a).unwrap(), &mut Default::default());
    }

    #[test]
    fn a_framework_without_links_or_organisation_still_exports_without_empty_arrays() {
        let mut fw = crate::starter::starter_framework();
        fw.organisation.clear();
        fw.description = "  ".into();
        let doc = component_definition(&fw, &version(&fw), &href).unwrap();
        let json: Value = serde_json::from_str(&to_json(&doc)).unwrap();
        check(&json, &mut Default::default());
        assert!(json["component-definition"]["components"][0].get("control-implementations").is_none());
        assert!(json["component-definition"]["metadata"].get("parties").is_none());
    }

    #[test]
    fn names_in_any_script_stay_in_titles_and_descriptions_and_ids_stay_tokens() {
        let mut fw = linked_framework();
        fw.name = "营销代理治理 إطار الحوكمة 🚦".into();
        fw.hard_stops[0].name = "حد الإنفاق اليومي 💸".into();
        let doc = component_definition(&fw, &version(&fw), &href).unwrap();
        let json = to_json(&doc);
        check(&serde_json::from_str(&json).unwrap(), &mut Default::default());
        assert!(json.contains("营销代理治理 إطار الحوكمة 🚦, version 3") && json.contains("“حد الإنفاق اليومي 💸”"));
    }

    #[test]
    fn a_publication_time_that_does_not_read_is_a_damaged_error() {
        let fw = linked_framework();
        let mut v = version(&fw);
        v.published_at = "yesterday".into();
        assert!(matches!(component_definition(&fw, &v, &href), Err(Error::Damaged(_))));
    }
}
