//! Issue 12, item 5: names in other scripts in the real window. Chinese, Japanese, Korean and
//! Arabic names show in the matrix headers, the RACI chart and a party's form, drawn with the
//! app's own fonts (assets/fonts, loaded only for the scripts on screen), and Arabic reads and
//! is typed right to left.

use std::time::Instant;

use e2e::{default_db, Session};
use serde_json::{json, Value};

const PLATFORM_ZH: &str = "微信广告平台";
const PLATFORM_JA: &str = "LINE広告 🚀";
const CAPABILITY_AR: &str = "استهداف الجمهور";
const CAPABILITY_KO: &str = "캠페인 성과 보고";
const ACTIVITY_AR: &str = "مراجعة الحملة الإعلانية قبل النشر";
const ACTIVITY_JA: &str = "広告クリエイティブの承認";
const PARTY_ZH: &str = "李伟（市场总监）";
/// Typed into the party form, as a user would.
const PARTY_AR: &str = "محمد العلي";

/// The element's text, its computed direction and whether it matches `:dir(rtl)`.
const TEXT_AND_DIRECTION: &str = "
    const el = document.querySelector(arguments[0]);
    if (!el) return null;
    const text = el.matches('input, textarea') ? el.value : el.textContent;
    return [text.trim(), getComputedStyle(el).direction, el.matches(':dir(rtl)')];";

/// Every face of the app's fonts with its load status, once the fonts in use have loaded.
const FONT_STATUS: &str = "
    const done = arguments[arguments.length - 1];
    document.fonts.ready.then(() => done([...document.fonts].map((f) => [f.family.replace(/\"/g, ''), f.weight, f.status])));";

async fn text_and_direction(s: &Session, css: &str) -> (String, String, bool) {
    // The page draws what it was told to within a frame or two; wait for the element first.
    s.find(css).await;
    let v = s.client.execute(TEXT_AND_DIRECTION, vec![css.into()]).await.unwrap();
    let text = v[0].as_str().unwrap_or_else(|| panic!("no {css}: {v}")).to_owned();
    (text, v[1].as_str().unwrap().to_owned(), v[2].as_bool().unwrap())
}

/// Whether any face of a family (Regular or Bold) has loaded; each face is "unloaded",
/// "loading", "loaded" or "error".
fn loaded(fonts: &Value, family: &str) -> bool {
    let faces: Vec<&Value> = fonts.as_array().unwrap().iter().filter(|f| f[0] == family).collect();
    assert!(!faces.is_empty(), "no @font-face for {family} in {fonts}");
    faces.iter().any(|f| f[2] == "loaded")
}

#[tokio::test]
async fn cjk_and_arabic_names_show_in_the_matrix_the_raci_chart_and_a_form_with_the_apps_fonts() {
    let started = Instant::now();
    let mut fw = governance_core::starter::starter_framework();
    fw.platforms[0].name = PLATFORM_ZH.into();
    fw.platforms[1].name = PLATFORM_JA.into();
    fw.capabilities[0].name = CAPABILITY_AR.into();
    fw.capabilities[1].name = CAPABILITY_KO.into();
    fw.raci[0].name = ACTIVITY_AR.into();
    fw.raci[1].name = ACTIVITY_JA.into();
    fw.parties[0].name = PARTY_ZH.into();
    let (platform, capability, capability_ko) = (&fw.platforms[0].id, &fw.capabilities[0].id, &fw.capabilities[1].id);
    let (activity, activity_ja, party_zh, party_ar) =
        (&fw.raci[0].id, &fw.raci[1].id, &fw.parties[0].id, &fw.parties[1].id);
    let home = tempfile::tempdir().unwrap();
    governance_core::Store::open(&default_db(home.path())).unwrap().import(&fw, "e2e").unwrap();

    let s = Session::start(home).await;
    s.text("[data-testid=app-ready]").await;

    // The matrix: a Chinese platform column and an Arabic and a Korean capability row.
    s.click("[data-testid=nav-matrix]").await;
    let head = text_and_direction(&s, &format!("[data-testid=\"matrix-platform-{platform}\"] .col-name")).await;
    assert_eq!(head, (PLATFORM_ZH.to_owned(), "ltr".to_owned(), false));
    let row = text_and_direction(&s, &format!("[data-testid=\"matrix-capability-{capability}\"]")).await;
    assert_eq!(row, (CAPABILITY_AR.to_owned(), "rtl".to_owned(), true), "the Arabic row header runs right to left");
    let row = text_and_direction(&s, &format!("[data-testid=\"matrix-capability-{capability_ko}\"]")).await;
    assert_eq!(row, (CAPABILITY_KO.to_owned(), "ltr".to_owned(), false));
    assert!(s.page_text().await.contains(PLATFORM_JA), "the Japanese platform with an emoji is shown");
    s.screenshot("50-scripts-matrix").await;

    // A party's form: an Arabic name typed into the name field runs right to left as it is typed.
    s.click("[data-testid=nav-parties]").await;
    s.click(&format!("[data-testid=\"party-{party_ar}\"]")).await;
    s.fill("[data-testid=party-name]", PARTY_AR).await;
    s.wait_for_db("the Arabic party name", |f| f.parties.iter().any(|p| p.name == PARTY_AR)).await;
    let field = text_and_direction(&s, "[data-testid=party-name]").await;
    assert_eq!(field, (PARTY_AR.to_owned(), "rtl".to_owned(), true), "the name field edits right to left");
    let listed = text_and_direction(&s, &format!("[data-testid=\"party-{party_ar}\"]")).await;
    assert_eq!(listed, (PARTY_AR.to_owned(), "rtl".to_owned(), true), "the list shows the new name right to left");
    let listed = text_and_direction(&s, &format!("[data-testid=\"party-{party_zh}\"]")).await;
    assert_eq!(listed, (PARTY_ZH.to_owned(), "ltr".to_owned(), false));
    s.screenshot("51-scripts-party-form").await;

    // The RACI chart: the Arabic and Japanese activities as rows, the Chinese and the newly typed
    // Arabic party as columns.
    s.click("[data-testid=nav-raci]").await;
    let row = text_and_direction(&s, &format!("[data-testid=\"raci-row-{activity}\"] .activity")).await;
    assert_eq!(row, (ACTIVITY_AR.to_owned(), "rtl".to_owned(), true), "the Arabic activity runs right to left");
    let row = text_and_direction(&s, &format!("[data-testid=\"raci-row-{activity_ja}\"] .activity")).await;
    assert_eq!(row, (ACTIVITY_JA.to_owned(), "ltr".to_owned(), false));
    let page = s.page_text().await;
    assert!(page.contains(PARTY_ZH) && page.contains(PARTY_AR), "both parties head a column");
    let heads = s
        .client
        .execute(
            "return [...document.querySelectorAll('thead .col-name')].map((e) => [e.textContent, getComputedStyle(e).direction])",
            vec![],
        )
        .await
        .unwrap();
    assert!(heads.as_array().unwrap().contains(&json!([PARTY_AR, "rtl"])), "the Arabic column header: {heads}");
    assert!(heads.as_array().unwrap().contains(&json!([PARTY_ZH, "ltr"])), "the Chinese column header: {heads}");
    s.screenshot("52-scripts-raci").await;

    // The faces for the scripts shown loaded; those for scripts nowhere on screen did not.
    let fonts = s.client.execute_async(FONT_STATUS, vec![]).await.unwrap();
    for family in ["DejaVu Sans", "Noto Sans Arabic", "Noto Sans KR", "Droid Sans Fallback", "Noto Emoji"] {
        assert!(loaded(&fonts, family), "{family}: {fonts}");
    }
    for family in ["Noto Sans Hebrew", "Noto Sans Devanagari", "Noto Sans Thai", "Noto Sans Symbols"] {
        assert!(!loaded(&fonts, family), "{family} is not needed: {fonts}");
    }
    let checks = s
        .client
        .execute(
            "return [document.fonts.check('12px \"Droid Sans Fallback\"', '漢字かな'),
                     document.fonts.check('12px \"Noto Sans Arabic\"', 'العربية'),
                     document.fonts.check('12px \"Noto Sans KR\"', '한국어')]",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(checks, json!([true, true, true]), "CJK, Arabic and Hangul text can be drawn without loading more");
    s.close().await;
    eprintln!("the scripts test took {:.1} s", started.elapsed().as_secs_f64());
}

/// One capability name per covered script, then symbols and emoji sequences (a flag, a keycap,
/// a ZWJ sequence), each with the family that should draw most of it.
const EVERY_SCRIPT: [(&str, &str); 9] = [
    ("Ελληνικά · Русский: Управление данными", "DejaVu Sans"),
    ("العربية: منصة التسويق، جودة البيانات", "Noto Sans Arabic"),
    ("עברית: ניהול איכות נתונים", "Noto Sans Hebrew"),
    ("हिन्दी: डेटा गुणवत्ता मानक, क्षत्रिय", "Noto Sans Devanagari"),
    ("ภาษาไทย: มาตรฐานคุณภาพข้อมูล", "Noto Sans Thai"),
    ("简体中文 数据质量 · 繁體中文 資料品質", "Droid Sans Fallback"),
    ("日本語：データ品質基準、ひらがな", "Droid Sans Fallback"),
    ("한국어: 데이터 품질 기준", "Noto Sans KR"),
    ("Symbols ⯁ ⮕ 🜁 and emoji 😀 👍 🚀 ❤️ ✅ 🇫🇷 1️⃣ 👩‍💻", "Noto Emoji"),
];

#[tokio::test]
async fn every_covered_script_and_emoji_sequence_is_drawn_with_the_apps_own_fonts() {
    let mut fw = governance_core::starter::starter_framework();
    for (cap, (name, _)) in fw.capabilities.iter_mut().zip(EVERY_SCRIPT) {
        cap.name = name.into();
    }
    let home = tempfile::tempdir().unwrap();
    governance_core::Store::open(&default_db(home.path())).unwrap().import(&fw, "e2e").unwrap();
    let s = Session::start(home).await;
    s.text("[data-testid=app-ready]").await;
    s.click("[data-testid=nav-capabilities]").await;
    for (cap, (name, _)) in fw.capabilities.iter().zip(EVERY_SCRIPT) {
        let (text, direction, _) = text_and_direction(&s, &format!("[data-testid=\"capability-{}\"]", cap.id)).await;
        assert_eq!(text, name);
        let rtl = name.starts_with('ע') || name.starts_with('ا');
        assert_eq!(direction, if rtl { "rtl" } else { "ltr" }, "{name}");
    }
    let fonts = s.client.execute_async(FONT_STATUS, vec![]).await.unwrap();
    for family in EVERY_SCRIPT.iter().map(|(_, f)| *f).chain(["Noto Sans Symbols", "Noto Sans Symbols2"]) {
        assert!(loaded(&fonts, family), "{family}: {fonts}");
    }
    // The matrix shows every name on one screen, as its row headers.
    s.click("[data-testid=nav-matrix]").await;
    s.find(&format!("[data-testid=\"matrix-capability-{}\"]", fw.capabilities[8].id)).await;
    s.screenshot("53-scripts-every-script").await;
    s.close().await;
}
