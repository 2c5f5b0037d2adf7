//! Deterministic synthetic corpus of raw scraped news articles.
//!
//! [`article`] turns `(seed, index)` into one `.txt` article written in the style of one of the
//! five bundled seed articles (masthead, Markdown with `Original url:`, wire story on a portal,
//! page-header date, icon list with a promo line), together with its [`Truth`]: what a careful
//! reader establishes from the text, i.e. the metadata extractor's expected output.
//! [`write_corpus`] writes many of them to disk for benchmarks and accuracy tests. The output is
//! a pure function of the inputs (a hand-written SplitMix64, fixed word lists), so a corpus is
//! byte-for-byte the same on every machine, run and dependency upgrade.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// What a careful reader knows about one generated article: the extractor's expected output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Truth {
    /// Relative path of the file inside the corpus directory, `/` separated.
    pub path: String,
    /// The headline.
    pub title: String,
    /// Display name from `data/outlets.toml`, or a bare domain for an unknown domain
    /// (e.g. `eastasia-ledger.net`), or `None` when the text names no outlet.
    pub outlet: Option<String>,
    /// Wire agency display name (`Reuters`, `AFP`, `Associated Press`) when the text carries a
    /// dateline such as `SEOUL (Reuters) -`.
    pub agency: Option<String>,
    /// ISO publication time: `2011-06-28T20:32` when a time is given, else `2011-06-29`.
    pub published: Option<String>,
    /// Authors from the byline, in order (romanized when the text gives a romanized sign-off).
    pub authors: Vec<String>,
    /// The article's own URL when the text gives one.
    pub url: Option<String>,
}

/// One generated article: where it goes, its bytes, and what is true about it.
#[derive(Debug, Clone)]
pub struct Generated {
    /// Relative path inside the corpus directory, `/` separated (same as `truth.path`).
    pub path: String,
    /// The file's full text (UTF-8, no trailing newline, like the seeds).
    pub text: String,
    /// The expected extraction result.
    pub truth: Truth,
}

/// Totals reported by [`write_corpus`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Number of article files written.
    pub files: u64,
    /// Total size of the article files in bytes.
    pub bytes: u64,
}

// ---------------------------------------------------------------------------------------------
// Randomness
// ---------------------------------------------------------------------------------------------

/// The SplitMix64 increment (the golden ratio in 64-bit fixed point).
const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// The SplitMix64 output function: a bijective 64-bit mixer.
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A tiny SplitMix64 generator; its output never changes with a crate upgrade.
struct Rng {
    /// The generator state, advanced by [`GOLDEN`] per draw.
    state: u64,
}

/// Drawing numbers and picks from the stream.
impl Rng {
    /// A generator for one `(seed, stream)` pair, independent of every other pair.
    fn new(seed: u64, stream: u64) -> Self {
        Rng { state: mix64(seed ^ mix64(stream.wrapping_add(GOLDEN))) }
    }

    /// The next 64 random bits.
    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        mix64(self.state)
    }

    /// A uniform integer in `0..n` (`n` must be positive).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A uniform integer in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent / 100`.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// A uniform float in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// One element (copied) of a non-empty slice.
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

// ---------------------------------------------------------------------------------------------
// Outlets, agencies, places, people
// ---------------------------------------------------------------------------------------------

/// Known outlets: exact display name from `data/outlets.toml`, its first domain, and the URL
/// host used for it (`www.` is added only where the first domain is a bare registrable domain).
const OUTLETS: &[(&str, &str, &str)] = &[
    ("The Korea Herald", "koreaherald.com", "www.koreaherald.com"),
    ("The Korea Times", "koreatimes.co.kr", "www.koreatimes.co.kr"),
    ("Korea JoongAng Daily", "koreajoongangdaily.joins.com", "koreajoongangdaily.joins.com"),
    ("The Chosun Ilbo", "chosun.com", "www.chosun.com"),
    ("The Hankyoreh", "hani.co.kr", "www.hani.co.kr"),
    ("NK News", "nknews.org", "www.nknews.org"),
    ("Daily NK", "dailynk.com", "www.dailynk.com"),
    ("38 North", "38north.org", "www.38north.org"),
    ("The Moscow Times", "themoscowtimes.com", "www.themoscowtimes.com"),
    ("RT", "rt.com", "www.rt.com"),
    ("Sputnik", "sputniknews.com", "www.sputniknews.com"),
    ("Meduza", "meduza.io", "www.meduza.io"),
    ("Kommersant", "kommersant.ru", "www.kommersant.ru"),
    ("Izvestia", "iz.ru", "www.iz.ru"),
    ("Euronews", "euronews.com", "www.euronews.com"),
    ("BBC News", "bbc.com", "www.bbc.com"),
    ("The Guardian", "theguardian.com", "www.theguardian.com"),
    ("The Telegraph", "telegraph.co.uk", "www.telegraph.co.uk"),
    ("The Independent", "independent.co.uk", "www.independent.co.uk"),
    ("Financial Times", "ft.com", "www.ft.com"),
    ("The Economist", "economist.com", "www.economist.com"),
    ("Sky News", "news.sky.com", "news.sky.com"),
    ("The New York Times", "nytimes.com", "www.nytimes.com"),
    ("The Washington Post", "washingtonpost.com", "www.washingtonpost.com"),
    ("The Wall Street Journal", "wsj.com", "www.wsj.com"),
    ("Los Angeles Times", "latimes.com", "www.latimes.com"),
    ("USA Today", "usatoday.com", "www.usatoday.com"),
    ("CNN", "cnn.com", "www.cnn.com"),
    ("NBC News", "nbcnews.com", "www.nbcnews.com"),
    ("CBS News", "cbsnews.com", "www.cbsnews.com"),
    ("ABC News", "abcnews.go.com", "abcnews.go.com"),
    ("Fox News", "foxnews.com", "www.foxnews.com"),
    ("NPR", "npr.org", "www.npr.org"),
    ("Politico", "politico.com", "www.politico.com"),
    ("Axios", "axios.com", "www.axios.com"),
    ("CNBC", "cnbc.com", "www.cnbc.com"),
    ("Bloomberg", "bloomberg.com", "www.bloomberg.com"),
    ("Time", "time.com", "www.time.com"),
    ("Newsweek", "newsweek.com", "www.newsweek.com"),
    ("Voice of America", "voanews.com", "www.voanews.com"),
    ("Radio Free Asia", "rfa.org", "www.rfa.org"),
    ("The Diplomat", "thediplomat.com", "www.thediplomat.com"),
    ("Al Jazeera", "aljazeera.com", "www.aljazeera.com"),
    ("Deutsche Welle", "dw.com", "www.dw.com"),
    ("France 24", "france24.com", "www.france24.com"),
    ("Le Monde", "lemonde.fr", "www.lemonde.fr"),
    ("Der Spiegel", "spiegel.de", "www.spiegel.de"),
    ("El País", "elpais.com", "www.elpais.com"),
    ("The Japan Times", "japantimes.co.jp", "www.japantimes.co.jp"),
    ("Nikkei Asia", "asia.nikkei.com", "asia.nikkei.com"),
    ("NHK World", "nhk.or.jp", "www.nhk.or.jp"),
    ("The Mainichi", "mainichi.jp", "www.mainichi.jp"),
    ("South China Morning Post", "scmp.com", "www.scmp.com"),
    ("Global Times", "globaltimes.cn", "www.globaltimes.cn"),
    ("China Daily", "chinadaily.com.cn", "www.chinadaily.com.cn"),
    ("The Straits Times", "straitstimes.com", "www.straitstimes.com"),
    ("The Hindu", "thehindu.com", "www.thehindu.com"),
    ("The Times of India", "timesofindia.indiatimes.com", "timesofindia.indiatimes.com"),
    ("ABC (Australia)", "abc.net.au", "www.abc.net.au"),
    ("The Sydney Morning Herald", "smh.com.au", "www.smh.com.au"),
];

/// Indexes into [`OUTLETS`] of the Korean outlets (Hangul bylines are likelier there).
const KOREAN_OUTLETS: &[usize] = &[0, 1, 2, 3, 4];

/// Index of RT in [`OUTLETS`] (the usual promo domain of style 5).
const RT: usize = 9;

/// Index of Euronews in [`OUTLETS`] (the portal of style 3).
const EURONEWS: usize = 14;

/// Invented domains that are in no outlet table: the truth outlet is the bare domain.
const UNKNOWN_DOMAINS: &[&str] = &[
    "eastasia-ledger.net",
    "pacificrim-dispatch.com",
    "northern-courier.org",
    "steppe-observer.info",
    "harbourline-news.co.uk",
    "peninsula-wire.net",
];

/// Wire agencies of style 3: (truth display name, dateline word, upper-case photo credit word,
/// lower-case trailer word).
const AGENCIES: &[(&str, &str, &str, &str)] = &[
    ("Reuters", "Reuters", "REUTERS", "reuters"),
    ("AFP", "AFP", "AFP", "afp"),
    ("Associated Press", "AP", "AP", "ap"),
];

/// Photo sources of style 3 captions: (long form inside the sentence, short credit).
const PHOTO_SOURCES: &[(&str, &str)] = &[
    ("North Korea's Central News Agency (KCNA)", "KCNA"),
    ("South Korea's Yonhap news agency", "Yonhap"),
    ("the Kremlin press service", "Kremlin"),
    ("China's Xinhua news agency", "Xinhua"),
    ("the South Korean Unification Ministry", "Handout"),
    ("the Japanese Defense Ministry", "Handout"),
    ("a pool photographer", "Pool"),
];

/// Mentions of agencies and papers that prose may carry inside a sentence; `{a}` is the
/// apostrophe of the article's typography.
const SOURCES_IN_PROSE: &[&str] = &[
    "South Korea{a}s Yonhap news agency",
    "Japan{a}s Kyodo news service",
    "North Korea{a}s official KCNA news agency",
    "Russia{a}s TASS news agency",
    "the Interfax news agency",
    "China{a}s Xinhua news agency",
    "the Russian daily Kommersant",
    "Japan{a}s Mainichi Shimbun",
    "the Korean Central News Agency",
    "local media",
    "state media",
    "state television",
    "multiple intelligence sources",
    "a senior government source",
    "diplomatic sources",
    "people familiar with the matter",
];

/// Countries: (name, demonym, capital).
const COUNTRIES: &[(&str, &str, &str)] = &[
    ("Russia", "Russian", "Moscow"),
    ("North Korea", "North Korean", "Pyongyang"),
    ("South Korea", "South Korean", "Seoul"),
    ("China", "Chinese", "Beijing"),
    ("Japan", "Japanese", "Tokyo"),
    ("the United States", "American", "Washington"),
    ("Mongolia", "Mongolian", "Ulaanbaatar"),
    ("Vietnam", "Vietnamese", "Hanoi"),
    ("India", "Indian", "New Delhi"),
    ("Germany", "German", "Berlin"),
    ("France", "French", "Paris"),
    ("Britain", "British", "London"),
    ("Ukraine", "Ukrainian", "Kyiv"),
    ("Kazakhstan", "Kazakh", "Astana"),
    ("Turkey", "Turkish", "Ankara"),
    ("Iran", "Iranian", "Tehran"),
    ("Indonesia", "Indonesian", "Jakarta"),
    ("Thailand", "Thai", "Bangkok"),
    ("Singapore", "Singaporean", "Singapore"),
    ("Australia", "Australian", "Canberra"),
    ("Canada", "Canadian", "Ottawa"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("Poland", "Polish", "Warsaw"),
    ("Italy", "Italian", "Rome"),
    ("Spain", "Spanish", "Madrid"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Israel", "Israeli", "Jerusalem"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Malaysia", "Malaysian", "Kuala Lumpur"),
    ("Norway", "Norwegian", "Oslo"),
    ("Finland", "Finnish", "Helsinki"),
    ("Sweden", "Swedish", "Stockholm"),
    ("Belarus", "Belarusian", "Minsk"),
    ("Georgia", "Georgian", "Tbilisi"),
    ("Armenia", "Armenian", "Yerevan"),
    ("Azerbaijan", "Azerbaijani", "Baku"),
    ("Uzbekistan", "Uzbek", "Tashkent"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("Nigeria", "Nigerian", "Abuja"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Argentina", "Argentine", "Buenos Aires"),
    ("Chile", "Chilean", "Santiago"),
    ("Taiwan", "Taiwanese", "Taipei"),
    ("Switzerland", "Swiss", "Bern"),
    ("Austria", "Austrian", "Vienna"),
    ("Qatar", "Qatari", "Doha"),
];

/// The countries most stories are about (indexes into [`COUNTRIES`]), chosen more often.
const CORE_COUNTRIES: &[usize] = &[0, 1, 2, 3, 4, 5];

/// Other cities: (city, index into [`COUNTRIES`]).
const CITIES: &[(&str, usize)] = &[
    ("Vladivostok", 0),
    ("Khabarovsk", 0),
    ("Novosibirsk", 0),
    ("St Petersburg", 0),
    ("Kazan", 0),
    ("Khasan", 0),
    ("Yekaterinburg", 0),
    ("Sinuiju", 1),
    ("Kaesong", 1),
    ("Wonsan", 1),
    ("Rason", 1),
    ("Hamhung", 1),
    ("Busan", 2),
    ("Incheon", 2),
    ("Daegu", 2),
    ("Gwangju", 2),
    ("Paju", 2),
    ("Ulsan", 2),
    ("Dandong", 3),
    ("Shenyang", 3),
    ("Shanghai", 3),
    ("Harbin", 3),
    ("Guangzhou", 3),
    ("Osaka", 4),
    ("Niigata", 4),
    ("Sapporo", 4),
    ("Hiroshima", 4),
    ("Fukuoka", 4),
    ("New York", 5),
    ("Los Angeles", 5),
    ("Chicago", 5),
    ("Honolulu", 5),
    ("Anchorage", 5),
    ("San Francisco", 5),
    ("Da Nang", 7),
    ("Mumbai", 8),
    ("Hamburg", 9),
    ("Munich", 9),
    ("Lyon", 10),
    ("Marseille", 10),
    ("Manchester", 11),
    ("Edinburgh", 11),
    ("Odesa", 12),
    ("Kharkiv", 12),
    ("Almaty", 13),
    ("Istanbul", 14),
    ("Sydney", 19),
    ("Toronto", 20),
    ("Sao Paulo", 21),
    ("Gdansk", 22),
    ("Milan", 23),
    ("Barcelona", 24),
    ("Geneva", 43),
];

/// Institutions for experts' affiliations.
const INSTITUTIONS: &[&str] = &[
    "Far Eastern Federal University",
    "Seoul National University",
    "Korea University",
    "Yonsei University",
    "Kookmin University",
    "Ewha Womans University",
    "Moscow State University",
    "the Higher School of Economics",
    "Peking University",
    "Fudan University",
    "Waseda University",
    "Keio University",
    "Georgetown University",
    "Johns Hopkins University",
    "the Carnegie Endowment for International Peace",
    "the Brookings Institution",
    "the Asan Institute for Policy Studies",
    "the Korea Institute for National Unification",
    "the Center for Strategic and International Studies",
    "Chatham House",
    "the International Crisis Group",
    "the Stimson Center",
    "the Sejong Institute",
    "the Valdai Discussion Club",
    "the Lowy Institute",
    "the Institute for Far Eastern Studies",
];

/// Titles written before a name ("Foreign Minister Anna Petrova").
const ROLES_BEFORE: &[&str] = &[
    "Foreign Minister",
    "Defense Minister",
    "Prime Minister",
    "Deputy Prime Minister",
    "Trade Minister",
    "Finance Minister",
    "Unification Minister",
    "Vice Foreign Minister",
    "Kremlin aide",
    "Kremlin spokesman",
    "presidential spokeswoman",
    "ministry spokesman",
    "Senator",
    "Governor",
    "Ambassador",
    "General",
    "Admiral",
    "Mayor",
    "Chairman",
    "lawmaker",
    "opposition leader",
    "party leader",
    "special envoy",
    "chief negotiator",
    "President",
];

/// Jobs written after a name ("Anna Petrova, a professor at ...").
const JOBS_AFTER: &[&str] = &[
    "professor",
    "researcher",
    "senior fellow",
    "analyst",
    "economist",
    "lecturer",
    "research director",
    "former diplomat",
    "visiting scholar",
    "security expert",
];

/// Latin-script given names.
const FIRST_NAMES: &str = "Anna Maria Elena Olga Natalia Irina Svetlana Tatiana Yulia Daria \
    Vladimir Dmitry Sergei Alexei Mikhail Nikolai Pavel Andrei Yuri Artyom Maxim Ivan Oleg \
    Christian Angus James Joyce Josh John Michael David Robert Thomas Daniel Matthew Andrew \
    Peter Paul Mark Simon Martin Laura Sarah Emma Hannah Rachel Rebecca Claire Julia Sophie \
    Catherine Margaret Elizabeth Susan Karen Linda Helen Alice Grace Lucy Chloe Amelia Isabel \
    Carlos Luis Miguel Javier Pablo Lucia Carmen Marta Sofia Pierre Jean Luc Camille Manon \
    Hans Klaus Jurgen Stefan Katrin Ingrid Lars Erik Nils Astrid Hiroshi Takeshi Kenji Yuki \
    Haruka Aiko Satoshi Wei Ming Jun Li Ling Hao Priya Rahul Arjun Anil Fatima Omar Ahmed \
    Leila Yusuf Kemal Ayse Tomasz Piotr Agnieszka Jakub Ana Nadia Farid Samir Hyonhee Sangmi";

/// Latin-script family names.
const LAST_NAMES: &str = "Soldatkin Vasilyeva Rodionov Lowe MacSwan Dalgleish Smith Lee \
    Petrova Ivanov Sokolov Morozov Volkov Lebedev Kozlov Novikov Orlov Popov Fedorov Belov \
    Kuznetsova Pavlova Semenova Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor \
    Thomas Moore Martin Jackson Thompson White Harris Clark Lewis Walker Hall Allen Young King \
    Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans \
    Turner Torres Parker Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Cooper \
    Peterson Reed Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray \
    Hughes Price Sanders Myers Long Ross Foster Dubois Moreau Laurent Girard Fontaine Muller \
    Schmidt Schneider Fischer Weber Becker Hoffmann Garcia Martinez Lopez Gonzalez Rodriguez \
    Fernandez Tanaka Suzuki Takahashi Watanabe Yamamoto Nakamura Kobayashi Sato Wang Zhang Liu \
    Chen Yang Huang Zhao Sharma Patel Gupta Singh Kaya Demir Yilmaz Nowak Kowalski Haddad \
    Nasser Lindqvist Johansson Nielsen Hansen Berg Okafor Mwangi";

/// Korean family names: (Hangul, romanized).
const KO_FAMILY: &[(&str, &str)] = &[
    ("김", "Kim"),
    ("이", "Lee"),
    ("박", "Park"),
    ("최", "Choi"),
    ("정", "Jung"),
    ("강", "Kang"),
    ("조", "Cho"),
    ("윤", "Yoon"),
    ("장", "Jang"),
    ("임", "Lim"),
    ("한", "Han"),
    ("오", "Oh"),
    ("서", "Seo"),
    ("신", "Shin"),
    ("권", "Kwon"),
    ("황", "Hwang"),
    ("안", "Ahn"),
    ("송", "Song"),
    ("유", "Yoo"),
    ("홍", "Hong"),
    ("문", "Moon"),
    ("배", "Bae"),
];

/// Korean given-name syllables: (Hangul, romanized).
const KO_SYLLABLES: &[(&str, &str)] = &[
    ("민", "min"),
    ("수", "su"),
    ("지", "ji"),
    ("현", "hyun"),
    ("서", "seo"),
    ("연", "yeon"),
    ("혜", "hye"),
    ("인", "in"),
    ("준", "jun"),
    ("호", "ho"),
    ("영", "young"),
    ("진", "jin"),
    ("우", "woo"),
    ("성", "sung"),
    ("은", "eun"),
    ("하", "ha"),
    ("나", "na"),
    ("재", "jae"),
    ("동", "dong"),
    ("원", "won"),
    ("태", "tae"),
    ("희", "hee"),
    ("소", "so"),
    ("유", "yu"),
    ("경", "kyung"),
    ("상", "sang"),
    ("철", "chul"),
    ("미", "mi"),
    ("선", "sun"),
    ("정", "jeong"),
    ("혁", "hyuk"),
    ("윤", "yun"),
];

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

/// Countable nouns whose plural follows the regular spelling rules in [`plural`].
const NOUNS: &str = "agreement summit meeting visit delegation proposal plan policy program \
    project report statement announcement decision election campaign vote ballot parliament \
    assembly committee council ministry government cabinet official minister president leader \
    spokesman spokeswoman diplomat ambassador envoy negotiator analyst economist researcher \
    professor expert lawmaker senator governor mayor chairman director secretary adviser aide \
    commander general admiral officer soldier sailor pilot engineer scientist doctor nurse \
    teacher student worker farmer driver passenger resident citizen voter activist protester \
    journalist reporter editor photographer lawyer judge prosecutor investigator inspector \
    auditor regulator banker investor trader manufacturer supplier exporter importer retailer \
    consumer customer buyer seller shareholder executive founder owner operator contractor \
    partner ally rival neighbor opponent critic supporter observer witness victim survivor \
    refugee migrant defector prisoner hostage suspect detainee border frontier crossing \
    checkpoint bridge tunnel railway train station platform port harbor airport runway highway \
    road route corridor pipeline canal river lake island coast shore mountain valley desert \
    forest field farm village town city capital province region district county territory zone \
    area site venue campus complex compound facility plant factory warehouse refinery reactor \
    laboratory hospital clinic school university library museum stadium arena theater hotel \
    restaurant market mall store office building tower apartment house home shelter camp base \
    fleet ship vessel tanker submarine carrier destroyer frigate jet helicopter drone missile \
    rocket satellite launcher warhead weapon rifle tank vehicle truck bus car convoy container \
    economy budget deficit surplus debt loan bond currency dollar euro rouble price cost fee tax \
    tariff subsidy wage salary pension income revenue profit loss sale export import deal \
    contract investment fund bank index stock share rate forecast estimate figure target quota \
    shortage crop harvest fuel grid battery chip semiconductor device phone network software \
    server system algorithm army navy force troop unit division battalion brigade regiment \
    squad patrol drill exercise maneuver operation mission strike attack raid assault offensive \
    ceasefire truce conflict war battle clash skirmish standoff dispute threat risk warning \
    alert sanction embargo blockade restriction ban limit curb measure step move effort \
    initiative bid attempt demand request appeal call offer concession compromise guarantee \
    pledge promise commitment obligation condition term clause provision framework roadmap \
    timetable schedule deadline agenda priority goal aim objective interest concern fear worry \
    doubt hope expectation rumor claim allegation accusation denial response reaction protest \
    rally demonstration march walkout boycott petition lawsuit trial verdict ruling sentence \
    investigation inquiry probe review audit hearing testimony document record file letter \
    message cable note briefing interview speech remark comment question answer issue matter \
    problem challenge solution option alternative scenario outcome result consequence impact \
    effect benefit advantage injury death casualty flood drought storm typhoon hurricane \
    earthquake tsunami wildfire fire blaze heatwave snowstorm landslide eruption accident crash \
    collision explosion blast leak spill outbreak epidemic pandemic vaccine dose treatment test \
    case infection patient relationship relation tie partnership alliance coalition bloc union \
    federation league association organization agency institution foundation charity company \
    firm corporation group conglomerate startup industry sector business enterprise brand \
    dialogue talk negotiation discussion consultation exchange conversation contact channel \
    link connection regime administration authority state nation country republic kingdom \
    monarchy dynasty empire decade year month week day hour minute morning evening night \
    weekend holiday season anniversary tradition culture language religion ceremony festival \
    celebration memorial monument statue tomb portrait painting photograph image video film \
    documentary broadcast newspaper magazine website blog post headline story account version \
    source insider official expert veteran pioneer hero legend champion athlete coach player \
    team club tournament match game goal medal trophy record fan spectator crowd audience \
    viewer listener reader subscriber user client patron donor sponsor backer lender borrower \
    tenant landlord employer employee colleague counterpart successor predecessor heir \
    candidate nominee incumbent challenger winner loser majority minority faction wing caucus \
    delegate representative spokesperson commissioner inspector regulator watchdog ombudsman \
    tribunal court panel jury appeal statute law bill amendment decree order directive \
    resolution treaty accord pact protocol charter convention declaration communique \
    quota permit license visa passport stamp border barrier fence wall gate door \
    window roof floor corridor hall chamber room desk table chair screen camera microphone \
    recording transcript leak tip lead trace clue sign signal indication symptom pattern trend \
    shift turn change reform overhaul revision adjustment update upgrade expansion reduction \
    increase decrease rise fall drop surge spike slump plunge rebound recovery boom bust cycle \
    wave phase stage level degree scale scope size volume amount number total average share \
    portion fraction percentage proportion ratio margin gap difference distance length width \
    height depth weight speed pace rhythm moment period era generation lifetime career \
    job position post seat title rank status role function duty task assignment chore errand \
    trip journey voyage flight cruise tour excursion expedition pilgrimage procession parade \
    convoy motorcade escort guard sentry bodyguard agent spy informant mole traitor rebel \
    insurgent militant fighter guerrilla sniper gunman bomber pirate smuggler trafficker \
    dealer broker middleman courier messenger herald announcer presenter host anchor \
    commentator columnist critic reviewer blogger author novelist poet playwright composer \
    singer dancer actor actress director producer painter sculptor architect designer builder \
    carpenter plumber electrician mechanic welder miner logger fisherman hunter rancher \
    shepherd gardener baker butcher brewer grocer tailor barber";

/// Adjectives usable before a noun and after "is".
const ADJECTIVES: &str = "new old senior junior former current future recent early late \
    final first last next previous major minor key main chief top leading prominent powerful \
    influential wealthy poor rich large small big huge vast tiny narrow wide broad long short \
    brief high low deep shallow heavy light strong weak firm soft hard tough difficult easy \
    simple complex complicated clear unclear open closed public private secret covert official \
    unofficial formal informal national international regional local global domestic foreign \
    federal municipal provincial rural urban coastal northern southern eastern western central \
    remote nearby distant neighboring bilateral multilateral diplomatic economic political \
    military strategic tactical nuclear conventional civilian humanitarian financial fiscal \
    monetary commercial industrial agricultural technological scientific medical legal judicial \
    constitutional electoral parliamentary presidential ministerial administrative bureaucratic \
    social cultural historical religious ethnic educational environmental ecological maritime \
    naval aerial territorial sensitive controversial contentious divisive popular unpopular \
    successful unsuccessful effective ineffective efficient costly expensive cheap affordable \
    profitable sustainable stable unstable volatile fragile robust resilient vulnerable \
    exposed isolated reclusive secretive transparent opaque cautious careful reckless bold \
    ambitious modest humble proud angry furious calm quiet loud noisy busy crowded empty \
    vacant full rare common frequent regular occasional sudden gradual rapid slow swift quick \
    steady sharp dramatic modest significant substantial considerable marginal negligible \
    massive enormous unprecedented historic landmark symbolic practical theoretical realistic \
    unrealistic optimistic pessimistic hopeful doubtful skeptical wary critical supportive \
    hostile friendly cordial warm cold frosty tense relaxed chaotic orderly peaceful violent \
    deadly fatal lethal harmful dangerous risky safe secure insecure urgent pressing immediate \
    temporary permanent lasting durable brief prolonged extended lengthy protracted stalled \
    moribund dormant active vibrant dynamic lively sluggish weak robust healthy sick ailing \
    elderly young youthful mature veteran seasoned experienced novice fresh stale obsolete \
    modern traditional conservative liberal progressive radical moderate extreme mainstream \
    fringe independent dependent reliant autonomous sovereign allied neutral rival opposing \
    competing conflicting mutual joint shared common collective individual personal private \
    exclusive inclusive comprehensive partial complete total absolute relative comparable \
    similar different distinct separate unique special specific general vague detailed \
    accurate inaccurate reliable unreliable credible dubious genuine fake false true real \
    actual virtual digital online mobile wireless electric electronic mechanical automatic \
    manual automated industrialized developed developing emerging advanced primitive crude \
    refined raw natural artificial synthetic organic chemical biological physical mental \
    emotional psychological moral ethical spiritual sacred secular classical contemporary \
    ancient medieval colonial imperial communist socialist capitalist democratic authoritarian \
    totalitarian dictatorial repressive oppressive brutal ruthless harsh lenient strict loose \
    tight rigid flexible adaptable innovative creative imaginative bright dark grim bleak gloomy \
    dire desperate severe acute chronic widespread scattered sporadic isolated notable \
    remarkable striking surprising unexpected predictable inevitable likely unlikely possible \
    impossible probable doubtful uncertain certain sure confident anxious nervous worried \
    concerned alarmed shocked stunned puzzled frustrated disappointed satisfied pleased \
    delighted grateful thankful reluctant willing eager keen hesitant unwilling able unable \
    capable incapable competent qualified eligible ineligible legitimate illegal lawful \
    unlawful illicit clandestine underground overseas offshore inland upstream downstream";

/// Adverbs.
const ADVERBS: &str = "sharply quietly openly publicly privately repeatedly briefly directly \
    formally officially reportedly apparently largely partly mostly nearly roughly slightly \
    steadily rapidly gradually strongly firmly swiftly quickly slowly carefully cautiously \
    jointly separately unilaterally eventually initially previously recently currently \
    increasingly widely heavily closely deeply fully narrowly broadly abruptly suddenly \
    immediately promptly readily reluctantly willingly eagerly anxiously nervously angrily \
    bitterly fiercely harshly sternly gently softly warmly coldly flatly bluntly frankly \
    candidly cautiously tentatively provisionally temporarily permanently effectively \
    essentially basically fundamentally primarily chiefly mainly principally notably \
    particularly especially specifically explicitly implicitly indirectly secretly covertly \
    tacitly silently vocally loudly strenuously vigorously aggressively decisively";

/// Regular transitive verbs: past tense and participle follow the rules in [`past`].
const VERBS_REGULAR: &str = "announce approve reject accept confirm deny discuss consider \
    review examine inspect visit launch sign suspend resume extend expand reduce increase raise \
    lower boost limit restrict ease lift impose demand request urge warn threaten criticize \
    condemn praise welcome support oppose back endorse defend protect secure attack target \
    deploy withdraw(irregular) monitor track observe report publish release reveal disclose \
    conceal hide(irregular) question challenge dispute contest block delay postpone cancel \
    abandon revive restore repair rebuild(irregular) replace remove dismiss appoint nominate \
    elect promote demote fire hire train equip arm fund finance invest purchase acquire \
    import export produce manufacture assemble test develop design upgrade modernize expand \
    strengthen weaken undermine destabilize stabilize reinforce bolster deepen broaden \
    tighten loosen relax toughen soften resolve settle negotiate mediate broker arrange \
    organize host attend chair address open close complete finish start halt pause end \
    finalize draft amend revise adopt pass veto override enforce implement introduce propose \
    suggest recommend advise consult inform notify alert brief assure reassure persuade \
    pressure force compel allow permit(irregular) enable prevent avoid evade escape capture \
    arrest detain free pardon sentence convict acquit charge accuse blame fault praise honor \
    mark celebrate commemorate mourn remember recall mention cite quote describe explain \
    outline detail clarify highlight stress emphasize underline acknowledge recognize \
    concede admit(irregular) reaffirm reiterate repeat echo(irregular) mirror reflect shape \
    influence affect damage harm hurt(irregular) destroy ruin threaten endanger risk expose \
    investigate probe audit scrutinize assess evaluate estimate calculate measure count \
    survey poll study analyze explore pursue seek(irregular) obtain gain earn collect gather \
    receive deliver supply provide offer donate contribute share distribute allocate \
    earmark reserve save spend(irregular) waste cover handle manage operate run(irregular) \
    guide direct steer navigate cross enter exit reach approach bypass circumvent violate \
    breach honor respect observe";

/// Irregular (or consonant-doubling) verbs as `base/past/participle`.
const VERBS_IRREGULAR: &str = "meet/met/met hold/held/held make/made/made take/took/taken \
    give/gave/given send/sent/sent lead/led/led seek/sought/sought win/won/won lose/lost/lost \
    build/built/built break/broke/broken bring/brought/brought keep/kept/kept \
    leave/left/left set/set/set spend/spent/spent draw/drew/drawn show/showed/shown \
    see/saw/seen write/wrote/written strike/struck/struck freeze/froze/frozen \
    shake/shook/shaken sell/sold/sold buy/bought/bought pay/paid/paid lay/laid/laid \
    find/found/found cut/cut/cut ban/banned/banned plan/planned/planned stop/stopped/stopped \
    drop/dropped/dropped admit/admitted/admitted commit/committed/committed \
    control/controlled/controlled submit/submitted/submitted ship/shipped/shipped \
    scrap/scrapped/scrapped bar/barred/barred withdraw/withdrew/withdrawn hide/hid/hidden \
    rebuild/rebuilt/rebuilt permit/permitted/permitted echo/echoed/echoed hurt/hurt/hurt \
    run/ran/run overtake/overtook/overtaken undertake/undertook/undertaken \
    forgo/forwent/forgone rethink/rethought/rethought equip/equipped/equipped \
    override/overrode/overridden acquit/acquitted/acquitted compel/compelled/compelled";

/// Intransitive verbs for figures and markets: `base/past`.
const VERBS_MOVE: &str = "rise/rose fall/fell climb/climbed slip/slipped drop/dropped \
    jump/jumped surge/surged plunge/plunged edge/edged soar/soared sink/sank dip/dipped \
    rebound/rebounded recover/recovered";

/// Prepositions linking a noun to a place or a topic.
const TOPIC_PREPS: &[&str] = &["over", "on", "about", "regarding", "amid", "concerning"];

/// Groups of people, plural, for crowds and casualties.
const PEOPLE: &[&str] = &[
    "protesters",
    "residents",
    "soldiers",
    "workers",
    "students",
    "supporters",
    "officials",
    "journalists",
    "refugees",
    "voters",
    "activists",
    "delegates",
    "lawmakers",
    "diplomats",
    "farmers",
    "fishermen",
    "passengers",
    "tourists",
    "migrants",
    "defectors",
    "investors",
    "villagers",
    "pilgrims",
    "sailors",
    "engineers",
    "doctors",
    "nurses",
    "teachers",
    "volunteers",
    "miners",
    "veterans",
    "commuters",
    "shoppers",
    "athletes",
    "pensioners",
];

/// What happens to a crowd in a report, as a participle.
const CROWD_FATES: &[&str] = &[
    "evacuated",
    "detained",
    "injured",
    "stranded",
    "rescued",
    "displaced",
    "questioned",
    "released",
    "relocated",
    "arrested",
    "hospitalized",
    "trapped",
    "registered",
    "vaccinated",
];

/// Places where people gather, for captions.
const VENUES: &[&str] = &[
    "railway station",
    "border crossing",
    "airport",
    "port",
    "stadium",
    "main square",
    "war memorial",
    "parliament building",
    "embassy",
    "summit venue",
    "university campus",
    "harbor",
    "central market",
    "city hall",
    "ferry terminal",
    "polling station",
    "press center",
    "factory gate",
    "military cemetery",
    "trade fair",
];

/// Economic quantities that rise and fall.
const ECON: &[&str] = &[
    "benchmark index",
    "won",
    "rouble",
    "yen",
    "yuan",
    "dollar",
    "euro",
    "trade surplus",
    "current account deficit",
    "jobless rate",
    "consumer price index",
    "factory output",
    "bond yield",
    "oil price",
    "gold price",
    "grain price",
    "export volume",
    "retail index",
    "shipping rate",
    "approval rating",
];

/// Superlatives for economic moves.
const SUPERLATIVES: &[&str] =
    &["sharpest", "biggest", "steepest", "largest", "smallest", "weakest", "strongest", "fastest", "slowest", "widest"];

/// Disasters that hit a place.
const DISASTERS: &[&str] = &[
    "earthquake",
    "typhoon",
    "flood",
    "storm",
    "wildfire",
    "landslide",
    "blast",
    "heatwave",
    "snowstorm",
    "cyclone",
    "mudslide",
    "fire",
];

/// Institutions that act as the subject of a clause.
const INSTITUTION_SUBJECTS: &[&str] = &[
    "the foreign ministry",
    "the defense ministry",
    "the Kremlin",
    "the central bank",
    "the military",
    "the government",
    "the cabinet",
    "the parliament",
    "the ruling party",
    "the opposition",
    "the navy",
    "the coast guard",
    "the state energy company",
    "the trade ministry",
    "the unification ministry",
    "the presidential office",
    "the national security council",
    "the election commission",
    "the supreme court",
    "the city council",
    "the police",
    "the prosecutors",
    "the finance ministry",
    "the joint chiefs of staff",
    "the health ministry",
    "the transport ministry",
    "the state planning committee",
    "the customs service",
    "the foreign press corps",
    "the regional governor",
    "the United Nations",
    "the Security Council",
    "the European Union",
    "the World Bank",
    "the International Monetary Fund",
    "the Red Cross",
];

/// Month names.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Two-word upper-case subheadings of style 3 are built from these first words.
const SUBHEAD_FIRST: &[&str] = &[
    "RUSSIAN",
    "REGIONAL",
    "ECONOMIC",
    "MILITARY",
    "DIPLOMATIC",
    "NUCLEAR",
    "TRADE",
    "BORDER",
    "SANCTIONS",
    "SECURITY",
    "POLITICAL",
    "FOREIGN",
    "DOMESTIC",
    "STRATEGIC",
    "CHINESE",
    "MARKET",
    "ENERGY",
    "PUBLIC",
];

/// Second words of style 3 subheadings.
const SUBHEAD_SECOND: &[&str] = &[
    "PRESTIGE",
    "TIES",
    "PRESSURE",
    "CONCERNS",
    "STAKES",
    "RISKS",
    "REACTION",
    "DOUBTS",
    "PRIORITIES",
    "INTERESTS",
    "LEVERAGE",
    "OPTIONS",
    "HURDLES",
    "OUTLOOK",
    "FALLOUT",
    "BALANCE",
];

/// The icon-font word list that is the first line of seed 004, byte for byte.
const ICON_LINE: &str = "icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon chevron lefticon chevron righticon chevron upicon closeicon v-compressicon downloadicon editicon v-expandicon fbicon fileicon filtericon flag ruicon full chevron downicon full chevron lefticon full chevron righticon full chevron upicon gpicon insicon mailicon moveicon-musicicon mutedicon nomutedicon okicon v-pauseicon v-playicon searchicon shareicon sign inicon sign upicon stepbackicon stepforicon swipe downicon tagicon tagsicon tgicon trashicon twicon vkicon yticon wticon fm";

/// A verb with all the forms the sentence templates use.
struct Verb {
    /// Base form ("meet").
    base: String,
    /// Third person singular present ("meets").
    third: String,
    /// Simple past ("met").
    past: String,
    /// Past participle ("met").
    pp: String,
}

/// The word lists, split and inflected once per process.
struct Lexicon {
    /// Singular nouns.
    nouns: Vec<&'static str>,
    /// Plurals of `nouns`, same order.
    plurals: Vec<String>,
    /// Adjectives.
    adjectives: Vec<&'static str>,
    /// Adverbs.
    adverbs: Vec<&'static str>,
    /// Transitive verbs.
    verbs: Vec<Verb>,
    /// Intransitive movement verbs: (base, past).
    moves: Vec<(&'static str, &'static str)>,
    /// Latin given names.
    first: Vec<&'static str>,
    /// Latin family names.
    last: Vec<&'static str>,
}

/// Splits a word list, dropping the `(irregular)` markers and duplicates (first one wins).
fn words(list: &'static str) -> Vec<&'static str> {
    let mut seen = HashSet::new();
    list.split_whitespace()
        .map(|w| w.trim_end_matches("(irregular)"))
        .filter(|w| !w.is_empty() && seen.insert(*w))
        .collect()
}

/// The regular English plural of a noun from [`NOUNS`].
fn plural(noun: &str) -> String {
    let b = noun.as_bytes();
    let last = b[b.len() - 1];
    let before = if b.len() > 1 { b[b.len() - 2] } else { b'a' };
    let vowel = |c: u8| b"aeiou".contains(&c);
    if let Some(stem) = noun.strip_suffix("man") {
        format!("{stem}men")
    } else if last == b'y' && !vowel(before) {
        format!("{}ies", &noun[..noun.len() - 1])
    } else if matches!(last, b's' | b'x' | b'z')
        || noun.ends_with("ch")
        || noun.ends_with("sh")
        || (last == b'o' && !vowel(before))
    {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

/// The regular simple past (and participle) of a verb from [`VERBS_REGULAR`].
fn past(verb: &str) -> String {
    let b = verb.as_bytes();
    let last = b[b.len() - 1];
    let before = b[b.len() - 2];
    if last == b'e' {
        format!("{verb}d")
    } else if last == b'y' && !b"aeiou".contains(&before) {
        format!("{}ied", &verb[..verb.len() - 1])
    } else {
        format!("{verb}ed")
    }
}

/// The third person singular present of a verb.
fn third(verb: &str) -> String {
    let b = verb.as_bytes();
    let last = b[b.len() - 1];
    let before = b[b.len() - 2];
    if last == b'y' && !b"aeiou".contains(&before) {
        format!("{}ies", &verb[..verb.len() - 1])
    } else if matches!(last, b's' | b'x' | b'z' | b'o') || verb.ends_with("ch") || verb.ends_with("sh") {
        format!("{verb}es")
    } else {
        format!("{verb}s")
    }
}

/// The process-wide lexicon.
fn lexicon() -> &'static Lexicon {
    /// Built on first use, shared by all threads.
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let nouns = words(NOUNS);
        let plurals = nouns.iter().map(|n| plural(n)).collect();
        let irregular: Vec<Verb> = VERBS_IRREGULAR
            .split_whitespace()
            .filter_map(|e| {
                let mut it = e.split('/');
                let (base, p, pp) = (it.next()?, it.next()?, it.next()?);
                Some(Verb { base: base.to_string(), third: third(base), past: p.to_string(), pp: pp.to_string() })
            })
            .collect();
        let irregular_bases: HashSet<String> = irregular.iter().map(|v| v.base.clone()).collect();
        let mut verbs: Vec<Verb> = words(VERBS_REGULAR)
            .into_iter()
            .filter(|v| !irregular_bases.contains(*v))
            .map(|v| Verb { base: v.to_string(), third: third(v), past: past(v), pp: past(v) })
            .collect();
        verbs.extend(irregular);
        let moves = VERBS_MOVE.split_whitespace().filter_map(|e| e.split_once('/')).collect();
        Lexicon {
            nouns,
            plurals,
            adjectives: words(ADJECTIVES),
            adverbs: words(ADVERBS),
            verbs,
            moves,
            first: words(FIRST_NAMES),
            last: words(LAST_NAMES),
        }
    })
}

/// "a" or "an" for the word that follows.
fn article_for(word: &str) -> &'static str {
    let w = word.to_ascii_lowercase();
    let an_exceptions = ["hour", "honest", "honor", "heir"];
    let a_exceptions = ["uni", "use", "usu", "uti", "ura", "eu", "one", "once"];
    if an_exceptions.iter().any(|p| w.starts_with(p)) {
        "an"
    } else if a_exceptions.iter().any(|p| w.starts_with(p)) {
        "a"
    } else if w.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// Uppercases the first character of `s` in place (ASCII only; others are left as they are).
fn capitalize(s: &mut str) {
    if let Some(first) = s.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
}

/// Headline title case: every word capitalized except short function words inside.
fn title_case(s: &str) -> String {
    /// Words that stay lower case inside a title.
    const SMALL: &[&str] = &["a", "an", "the", "of", "for", "in", "on", "to", "and", "or", "with", "at", "by", "as"];
    s.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let mut w = w.to_string();
            if i == 0 || !SMALL.contains(&w.as_str()) {
                capitalize(&mut w);
            }
            w
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A country as headlines and possessives name it: "US" for "the United States".
fn short_country(name: &'static str) -> &'static str {
    if name == "the United States" { "US" } else { name }
}

/// A URL slug: lower-case ASCII words joined by `-`, apostrophes dropped.
fn slug(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut dash = false;
    for c in title.chars() {
        if c == '\'' || c == '’' {
            continue;
        }
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/// First publication day of the corpus.
const FIRST_DAY: Date = jiff::civil::date(2006, 1, 1);

/// Number of days from 2006-01-01 through 2025-12-31 inclusive.
const DAY_COUNT: usize = 7305;

/// Latest "page viewed" day of style 4's header date.
const LAST_VIEW_DAY: usize = DAY_COUNT + 180;

/// Number of news bursts (busy weeks) per seed.
const BURSTS: u64 = 400;

/// The date `n` days after 2006-01-01.
fn day(n: usize) -> Date {
    FIRST_DAY.checked_add((n as i64).days()).expect("day offsets stay within a few decades of 2006")
}

/// A bursty publication day: most stories cluster around a seed's busy weeks.
fn pick_day(rng: &mut Rng, seed: u64) -> usize {
    if rng.chance(35) {
        return rng.below(DAY_COUNT);
    }
    // Low burst numbers are chosen more often (u^1.5; sqrt is exactly rounded in IEEE 754,
    // unlike powf, so this is the same on every machine), so some weeks are much busier.
    let u = rng.unit();
    let k = ((u * u.sqrt()) * BURSTS as f64) as u64;
    let h = mix64(seed ^ mix64(k.wrapping_add(0xB0_2575)));
    let center = (h % DAY_COUNT as u64) as i64;
    let width = 1 + ((h >> 40) % 9) as i64;
    let offset = rng.below(width as usize + 1) as i64 - rng.below(width as usize + 1) as i64;
    (center + offset).clamp(0, DAY_COUNT as i64 - 1) as usize
}

/// The English weekday name.
fn weekday_name(d: Date) -> &'static str {
    match d.weekday() {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// The English month name of a date.
fn month_name(d: Date) -> &'static str {
    MONTHS[(d.month() - 1) as usize]
}

/// The ordinal suffix of a day of the month: 1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 23rd.
fn ordinal_suffix(day: i8) -> &'static str {
    match (day % 10, day % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// `Monday, 25th March 2019`.
fn long_date(d: Date) -> String {
    format!("{}, {}{} {} {}", weekday_name(d), d.day(), ordinal_suffix(d.day()), month_name(d), d.year())
}

/// `June 28, 2011`.
fn us_date(d: Date) -> String {
    format!("{} {}, {}", month_name(d), d.day(), d.year())
}

/// `2011-06-28`.
fn iso_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

/// A person: how the text names them in Latin script, and in Hangul when Korean.
#[derive(Clone)]
struct Person {
    /// Full Latin-script name ("Anna Petrova", "Shin Hye-in").
    full: String,
    /// The name used on later mentions ("Petrova", "Shin").
    short: String,
    /// The Hangul name for Korean people.
    hangul: Option<String>,
}

/// A random non-Korean person.
fn latin_person(rng: &mut Rng) -> Person {
    let lex = lexicon();
    let first = rng.pick(&lex.first);
    let last = rng.pick(&lex.last);
    Person { full: format!("{first} {last}"), short: (*last).to_string(), hangul: None }
}

/// A random Korean person, romanized family-name first ("Park Min-su"), with the Hangul.
fn korean_person(rng: &mut Rng) -> Person {
    let (fh, fr) = rng.pick(KO_FAMILY);
    let (ah, ar) = rng.pick(KO_SYLLABLES);
    let (bh, br) = rng.pick(KO_SYLLABLES);
    let mut given = format!("{ar}-{br}");
    capitalize(&mut given);
    Person { full: format!("{fr} {given}"), short: fr.to_string(), hangul: Some(format!("{fh}{ah}{bh}")) }
}

/// A random person, Korean with probability `korean` percent.
fn person(rng: &mut Rng, korean: usize) -> Person {
    if rng.chance(korean) { korean_person(rng) } else { latin_person(rng) }
}

/// Joins names as a byline does: "A", "A and B", "A, B and C".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

// ---------------------------------------------------------------------------------------------
// Prose
// ---------------------------------------------------------------------------------------------

/// A cast member of an article's story.
struct Actor {
    /// Who it is.
    who: Person,
    /// Title before the name on first mention ("Foreign Minister").
    role: &'static str,
    /// Whether the text has already introduced them.
    introduced: bool,
}

/// Article-level state for writing prose: the story's cast, places and typography.
struct Writer {
    /// The article's random stream.
    rng: Rng,
    /// Curly (`’ “ ”`) rather than straight (`' "`) apostrophes and quotes.
    curly: bool,
    /// Main country (index into [`COUNTRIES`]).
    country_a: usize,
    /// Second country.
    country_b: usize,
    /// A city in the story.
    city: &'static str,
    /// Named people of the story.
    cast: Vec<Actor>,
    /// Nouns the story keeps coming back to (indexes into the lexicon's nouns).
    focus: Vec<usize>,
    /// Length class: 0 brief, 1 ordinary, 2 long read (more and longer paragraphs).
    density: u8,
    /// The publication year: prose mentions no later year.
    latest_year: usize,
}

/// Sentence, paragraph and headline generation.
impl Writer {
    /// A writer with a fresh cast drawn from `rng`.
    fn new(mut rng: Rng, curly: bool, latest_year: usize) -> Self {
        let lex = lexicon();
        let country_a = if rng.chance(75) { rng.pick(CORE_COUNTRIES) } else { rng.below(COUNTRIES.len()) };
        let mut country_b = if rng.chance(70) { rng.pick(CORE_COUNTRIES) } else { rng.below(COUNTRIES.len()) };
        if country_b == country_a {
            country_b = (country_a + 1 + rng.below(COUNTRIES.len() - 1)) % COUNTRIES.len();
        }
        let near: Vec<&'static str> =
            CITIES.iter().filter(|(_, c)| *c == country_a || *c == country_b).map(|(n, _)| *n).collect();
        let city = if !near.is_empty() && rng.chance(70) { rng.pick(&near) } else { rng.pick(CITIES).0 };
        let korean_story = [1, 2].contains(&country_a) || [1, 2].contains(&country_b);
        let n = rng.range(3, 6);
        let cast = (0..n)
            .map(|_| Actor {
                who: person(&mut rng, if korean_story { 45 } else { 8 }),
                role: rng.pick(ROLES_BEFORE),
                introduced: false,
            })
            .collect();
        let focus = (0..6).map(|_| rng.below(lex.nouns.len())).collect();
        let density = match rng.below(10) {
            0..=1 => 0,
            2..=8 => 1,
            _ => 2,
        };
        Writer { rng, curly, country_a, country_b, city, cast, focus, density, latest_year }
    }

    /// The apostrophe of this article's typography.
    fn apos(&self) -> &'static str {
        if self.curly { "’" } else { "'" }
    }

    /// Opening double quote.
    fn lq(&self) -> &'static str {
        if self.curly { "“" } else { "\"" }
    }

    /// Closing double quote.
    fn rq(&self) -> &'static str {
        if self.curly { "”" } else { "\"" }
    }

    /// A noun, often one of the story's focus nouns.
    fn noun(&mut self) -> &'static str {
        let lex = lexicon();
        if self.rng.chance(35) {
            let i = self.rng.pick(&self.focus);
            lex.nouns[i]
        } else {
            self.rng.pick(&lex.nouns)
        }
    }

    /// A plural noun.
    fn plural(&mut self) -> &'static str {
        let lex = lexicon();
        let i = if self.rng.chance(35) { self.rng.pick(&self.focus) } else { self.rng.below(lex.nouns.len()) };
        &lex.plurals[i]
    }

    /// An adjective.
    fn adj(&mut self) -> &'static str {
        self.rng.pick(&lexicon().adjectives)
    }

    /// An adverb.
    fn adverb(&mut self) -> &'static str {
        self.rng.pick(&lexicon().adverbs)
    }

    /// A transitive verb.
    fn verb(&mut self) -> &'static Verb {
        let verbs = &lexicon().verbs;
        &verbs[self.rng.below(verbs.len())]
    }

    /// One of the story's countries, or sometimes any country.
    fn country(&mut self) -> usize {
        match self.rng.below(10) {
            0..=4 => self.country_a,
            5..=7 => self.country_b,
            _ => self.rng.below(COUNTRIES.len()),
        }
    }

    /// A country name, capitalized for the start of a sentence when `start`.
    fn country_name(&mut self, start: bool) -> String {
        let c = self.country();
        let mut name = COUNTRIES[c].0.to_string();
        if start {
            capitalize(&mut name);
        }
        name
    }

    /// A place: the story's city, a capital, or another city.
    fn place(&mut self) -> &'static str {
        match self.rng.below(10) {
            0..=3 => self.city,
            4..=6 => {
                let c = self.country();
                COUNTRIES[c].2
            }
            _ => self.rng.pick(CITIES).0,
        }
    }

    /// An acting institution: "the foreign ministry", "the Russian delegation".
    fn institution(&mut self) -> String {
        if self.rng.chance(70) {
            (self.rng.pick(INSTITUTION_SUBJECTS)).to_string()
        } else {
            let d = COUNTRIES[self.country()].1;
            let n = self.rng.pick(&[
                "delegation",
                "government",
                "military",
                "embassy",
                "side",
                "navy",
                "leadership",
                "foreign ministry",
                "negotiating team",
                "central bank",
            ]);
            format!("the {d} {n}")
        }
    }

    /// A singular noun phrase: "the new agreement", "Russia’s budget", "a rare visit".
    fn np(&mut self) -> String {
        match self.rng.below(9) {
            0..=2 => format!("the {}", self.noun()),
            3..=4 => format!("the {} {}", self.adj(), self.noun()),
            5 => {
                let a = self.adj();
                format!("{} {a} {}", article_for(a), self.noun())
            }
            6 => {
                let c = short_country(COUNTRIES[self.country()].0);
                format!("{c}{}s {}", self.apos(), self.noun())
            }
            7 => {
                let d = COUNTRIES[self.country()].1;
                format!("the {d} {}", self.noun())
            }
            _ => format!("the {} of the {}", self.noun(), self.plural()),
        }
    }

    /// An object noun phrase, singular or plural.
    fn obj(&mut self) -> String {
        match self.rng.below(10) {
            0..=5 => self.np(),
            6..=7 => format!("{} {}", self.adj(), self.plural()),
            8 => format!("new {} on {}", self.plural(), self.np()),
            _ => format!("{} and {}", self.plural(), self.plural()),
        }
    }

    /// A place phrase: "in Vladivostok", "near the border with China".
    fn where_(&mut self) -> String {
        match self.rng.below(8) {
            0..=3 => format!("in {}", self.place()),
            4 => format!("near {}", self.place()),
            5 => {
                let c = self.country_name(false);
                format!("along the border with {c}")
            }
            6 => format!("on the outskirts of {}", self.place()),
            _ => {
                let c = self.country_name(false);
                format!("across {c}")
            }
        }
    }

    /// A time phrase without a year or a standalone date.
    fn when(&mut self) -> String {
        /// Fixed time phrases.
        const FIXED: &[&str] = &[
            "this week",
            "next month",
            "later this year",
            "in the coming days",
            "by the end of the year",
            "within weeks",
            "before the end of the month",
            "early next year",
            "in the spring",
            "over the summer",
        ];
        match self.rng.below(6) {
            0..=2 => (self.rng.pick(FIXED)).to_string(),
            3 => format!("on {}", self.weekday()),
            4 => format!("early {}", self.weekday()),
            _ => {
                let m = self.rng.pick(&MONTHS);
                let d = self.rng.range(1, 28);
                if self.rng.chance(30) {
                    let m2 = self.rng.pick(&MONTHS);
                    format!("on {m} {d} or {m2} {}", self.rng.range(1, 28))
                } else {
                    format!("on {m} {d}")
                }
            }
        }
    }

    /// A weekday name.
    fn weekday(&mut self) -> &'static str {
        self.rng.pick(&["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
    }

    /// A year mentioned in prose: never after the year of publication.
    fn year(&mut self) -> usize {
        self.rng.range(self.latest_year - 20, self.latest_year)
    }

    /// A named person: full name with title on first mention, family name afterwards.
    fn person_ref(&mut self) -> String {
        let i = self.rng.below(self.cast.len());
        let a = &mut self.cast[i];
        if a.introduced {
            return a.who.short.clone();
        }
        a.introduced = true;
        let full = a.who.full.clone();
        let role = a.role;
        let hangul = a.who.hangul.clone();
        match self.rng.below(4) {
            0 => {
                let job = self.rng.pick(JOBS_AFTER);
                let inst = self.rng.pick(INSTITUTIONS);
                format!("{full}, {} {job} at {inst},", article_for(job))
            }
            1 if hangul.is_some() => {
                let h = hangul.unwrap_or_default();
                format!("{role} {full} ({h})")
            }
            _ => {
                if self.rng.chance(40) {
                    let d = COUNTRIES[self.country()].1;
                    format!("{d} {role} {full}")
                } else {
                    format!("{role} {full}")
                }
            }
        }
    }

    /// A subject that ends an attribution: "officials said", "Petrova said".
    fn attribution(&mut self) -> String {
        /// Anonymous attributions.
        const WHO: &[&str] = &[
            "officials said",
            "analysts said",
            "a government source said",
            "the ministry said",
            "state media reported",
            "local media reported",
            "witnesses said",
            "diplomats said",
            "a senior official said",
            "the statement said",
        ];
        if self.rng.chance(35) {
            let p = self.person_ref();
            format!("{p} said")
        } else {
            (self.rng.pick(WHO)).to_string()
        }
    }

    /// A past-tense clause: "the ministry approved new sanctions in Busan".
    fn clause_past(&mut self) -> String {
        let subj = match self.rng.below(10) {
            0..=3 => self.person_ref(),
            4..=6 => self.institution(),
            _ => self.np(),
        };
        let v = &self.verb().past;
        let o = self.obj();
        if self.rng.chance(40) {
            let w = self.where_();
            format!("{subj} {v} {o} {w}")
        } else {
            format!("{subj} {v} {o}")
        }
    }

    /// A sentence that can open a story (no quotes, a single final period).
    fn lead_sentence(&mut self) -> String {
        let mut s = match self.rng.below(4) {
            0 => {
                let subj = self.np();
                let v = &self.verb().base;
                let o = self.obj();
                let w = self.where_();
                let t = self.when();
                format!("{subj} is expected to {v} {o} {w} {t}, according to {}", {
                    let src = self.rng.pick(SOURCES_IN_PROSE);
                    src.replace("{a}", self.apos())
                })
            }
            1 => {
                let c = self.clause_past();
                let a = self.attribution();
                format!("{c}, {a}")
            }
            2 => {
                let subj = self.np();
                let v = &self.verb().base;
                let o = self.obj();
                let p = self.person_ref();
                let p = p.trim_end_matches(',');
                format!(
                    "{subj} may soon {v} {o} for talks with {p}, according to {} watchers",
                    short_country(COUNTRIES[self.country_a].0)
                )
            }
            _ => {
                let subj = self.np();
                let adv = self.adverb();
                let v = &self.verb().past;
                let o = self.obj();
                let t = self.when();
                format!("{subj} {adv} {v} {o} {t}, drawing attention to {}", self.np())
            }
        };
        capitalize(&mut s);
        s.push('.');
        s
    }

    /// A quotable first-person clause, capitalized, without final punctuation.
    fn quote_clause(&mut self) -> String {
        let mut s = match self.rng.below(7) {
            0 => {
                let m = self.rng.pick(&["will", "cannot", "must", "should", "will not"]);
                let v = &self.verb().base;
                format!("we {m} {v} {}", self.obj())
            }
            1 => {
                let a = self.adj();
                let v = &self.verb().base;
                let n = self.noun();
                format!("we have no {a} information to {v} the {n} at the moment")
            }
            2 => {
                let n = self.noun();
                let a = self.adj();
                format!("the {n} is {a} for {}", self.obj())
            }
            3 => {
                let n = self.noun();
                let v = &self.verb().base;
                format!("there is no {n} to {v} {}", self.obj())
            }
            4 => {
                let c = COUNTRIES[self.country()].0;
                let v = &self.verb().base;
                format!("{c} intends to {v} {} in any way possible", self.obj())
            }
            5 => {
                let n = self.noun();
                let a = self.adj();
                let n2 = self.noun();
                let v = &self.verb().third;
                format!("I hope that the {n} will be {} {a} {n2} that {v} {}", article_for(a), self.obj())
            }
            _ => {
                let p = self.place();
                let a = self.adj();
                format!("{p} would be {} {a} venue for the {}", article_for(a), self.noun())
            }
        };
        capitalize(&mut s);
        s
    }

    /// One sentence of body prose, ending with a period.
    fn sentence(&mut self) -> String {
        let (lq, rq, ap) = (self.lq(), self.rq(), self.apos());
        let mut s = match self.rng.below(24) {
            0 | 1 => {
                let c = self.clause_past();
                let a = self.attribution();
                format!("{c}, {a}.")
            }
            2 => {
                let p = self.person_ref();
                let d = self.weekday();
                let subj = self.np();
                let v = &self.verb().base;
                let o = self.obj();
                let t = self.when();
                format!("{p} said on {d} that {subj} would {v} {o} {t}.")
            }
            3 | 4 => {
                let q = self.quote_clause();
                let who = self.attribution();
                format!("{lq}{q},{rq} {who}.")
            }
            5 => {
                let q = self.quote_clause();
                let q2 = self.quote_clause();
                let p = self.person_ref();
                format!("{lq}{q}. {q2},{rq} {p} said.")
            }
            6 => {
                let subj = self.np();
                let m = self.rng.pick(&["could", "may", "might", "would"]);
                let v = &self.verb().base;
                let o = self.obj();
                let n = self.plural();
                format!("Analysts say {subj} {m} {v} {o} in exchange for {} {n}.", { self.adj() })
            }
            7 => {
                let (i, j) = if self.rng.chance(50) {
                    (self.country_a, self.country_b)
                } else {
                    (self.country_b, self.country_a)
                };
                let mut a = COUNTRIES[i].0.to_string();
                capitalize(&mut a);
                let b = COUNTRIES[j].0;
                let v = &self.verb().pp;
                let o = self.obj();
                let y = self.year();
                let src = (self.rng.pick(SOURCES_IN_PROSE)).replace("{a}", ap);
                format!("{a} and {b} have {v} {o} since {y}, according to {src}.")
            }
            8 => {
                let n = self.noun();
                let a = self.adj();
                let p = self.plural();
                let o = self.np();
                let w = self.where_();
                format!("The {n} comes amid {a} {p} over {o} {w}.")
            }
            9 => {
                let num = self.rng.range(2, 900);
                let p = self.rng.pick(PEOPLE);
                let v = self.rng.pick(CROWD_FATES);
                let w = self.where_();
                let d = self.weekday();
                let a = self.attribution();
                format!("About {num} {p} were {v} {w} on {d}, {a}.")
            }
            10 => {
                let n = self.rng.pick(ECON);
                let (_, mv) = self.rng.pick(&lexicon().moves);
                let pct = self.rng.range(0, 12);
                let frac = self.rng.range(1, 9);
                let m = self.rng.pick(&MONTHS);
                let sup = self.rng.pick(SUPERLATIVES);
                let y = self.year();
                format!("The {n} {mv} {pct}.{frac} percent in {m}, the {sup} move since {y}.")
            }
            11 => {
                let p = self.person_ref();
                let c = self.clause_past();
                format!("{p} told reporters that {c}.")
            }
            12 => {
                let subj = self.np();
                let v = &self.verb().base;
                let o = self.obj();
                format!("It was not immediately clear whether {subj} would {v} {o}.")
            }
            13 => {
                let subj = self.np();
                let adv = self.adverb();
                let v = &self.verb().pp;
                let o = self.obj();
                let span = self.rng.pick(&["years", "months", "weeks"]);
                format!("{subj} has {adv} {v} {o} in recent {span}.")
            }
            14 => {
                let src = (self.rng.pick(SOURCES_IN_PROSE)).replace("{a}", ap);
                let c = self.clause_past();
                format!("According to {src}, {c}.")
            }
            15 => {
                let p = self.place();
                let km = self.rng.range(10, 2000);
                let mut q = self.place();
                while q == p {
                    q = self.rng.pick(CITIES).0;
                }
                let c = self.clause_past();
                format!("{p} lies {km} kilometers from {q}, and {c}.")
            }
            16 => {
                let a = self.adj();
                let n = self.noun();
                let v = &self.verb().base;
                let o = self.obj();
                let t = self.rng.pick(&["month", "year", "week", "summer", "decade"]);
                format!("The {a} {n} is expected to {v} {o} before the end of the {t}.")
            }
            17 => {
                let subj = self.np();
                let v = &self.verb().base;
                let o = self.obj();
                let c = self.clause_past();
                format!("{subj} did not {v} {o}, but {c}.")
            }
            18 => {
                let v = &self.verb().past;
                let o = self.obj();
                let subj = self.np();
                let a = self.adj();
                format!("Critics {v} {o}, saying {subj} was {a} and {}.", self.adj())
            }
            19 => {
                let y = self.year();
                let c = self.clause_past();
                format!("In {y}, {c}.")
            }
            20 => {
                let span = self.rng.pick(&["month", "week", "year"]);
                let c = self.clause_past();
                format!("Earlier this {span}, {c}.")
            }
            21 => {
                let p = self.person_ref();
                let v = &self.verb().base;
                let o = self.obj();
                let pl = self.place();
                let d = self.weekday();
                format!("{p} is scheduled to {v} {o} in {pl} on {d}.")
            }
            22 => {
                let n = self.noun();
                let n2 = self.noun();
                let w = self.where_();
                let d = self.weekday();
                format!("There were no signs of {n} at the {n2} {w} on {d}.")
            }
            _ => {
                let a = self.adj();
                let n = self.noun();
                let prep = self.rng.pick(TOPIC_PREPS);
                let o = self.np();
                let p = self.person_ref();
                let aa = self.adj();
                format!("The {a} {n} {prep} {o} was {aa} and {}, {p} added.", self.adj())
            }
        };
        if s.starts_with("By ") {
            s.insert_str(0, "Reported ");
        }
        capitalize(&mut s);
        s
    }

    /// A paragraph of one to three sentences.
    fn paragraph(&mut self) -> String {
        let roll = self.rng.below(20);
        let n = match (self.density, roll) {
            (0, 0..=10) | (1, 0..=6) | (2, 0..=1) => 1,
            (0, 11..=18) | (1, 7..=15) | (2, 2..=9) => 2,
            _ => 3,
        };
        let mut p = String::with_capacity(400);
        for i in 0..n {
            if i > 0 {
                p.push(' ');
            }
            p.push_str(&self.sentence());
        }
        p
    }

    /// The number of body paragraphs: 6 to 25, mostly 9 to 18.
    fn paragraph_count(&mut self) -> usize {
        match self.density {
            0 => self.rng.range(7, 11),
            1 => {
                let a = self.rng.range(4, 13);
                let b = self.rng.range(3, 12);
                (a + b).clamp(6, 25)
            }
            _ => self.rng.range(18, 25),
        }
    }

    /// A headline: 5 to 16 words, no final period.
    fn headline(&mut self, style: usize) -> String {
        for _ in 0..8 {
            let h = self.headline_once(style);
            let n = h.split_whitespace().count();
            if (5..=16).contains(&n) && !h.ends_with('.') {
                return h;
            }
        }
        let c = COUNTRIES[self.country_a].0;
        format!("{c} weighs new {} after talks stall", self.plural())
    }

    /// One headline attempt, of any length.
    fn headline_once(&mut self, style: usize) -> String {
        let ap = self.apos();
        let a = self.country_a;
        let b = self.country_b;
        let (ca, da, _) = COUNTRIES[a];
        let (cb, _, _) = COUNTRIES[b];
        let (ca, cb) = (short_country(ca), short_country(cb));
        let lead = self.cast[0].who.clone();
        let other = self.cast[1].who.clone();
        let verb = self.verb();
        let mut h = match self.rng.below(13) {
            0 => {
                let role = self.rng.pick(&["leader", "president", "envoy", "minister"]);
                let v = &self.verb().base;
                let da = if da == "North Korean" && self.rng.chance(50) { "N. Korean" } else { da };
                let tail = self.rng.pick(&[": reports", ": officials", ": sources", ""]);
                format!("{da} {role} will {v} {cb} this week{tail}")
            }
            1 => {
                let n = self.noun();
                format!("{ca}, {cb} {} plans for {} {n}", verb.base, lead.short.clone())
            }
            2 => {
                let d = self.weekday();
                let src = self.rng.pick(&["Kremlin", "ministry", "officials", "sources"]);
                format!("{ca}{ap}s {} to {} {} in {cb} on {d} - {src}", lead.full, verb.base, other.short)
            }
            3 => {
                let v2 = &self.verb().base;
                format!("{ca}{ap}s {} may {} {cb} to {v2} {}", lead.short, verb.base, other.short)
            }
            4 => {
                let v2 = &self.verb().base;
                format!("{} will {} {cb} & {v2} {} 'soon' – {da} state media", lead.full, verb.base, other.short)
            }
            5 => {
                let p = self.plural();
                let o = self.obj();
                let n = self.noun();
                let m = self.rng.pick(&lexicon().moves);
                let pl = self.place();
                format!("{} {p} {} {o} as {n} {} in {pl}", da, verb.past, third(m.0))
            }
            6 => {
                let adj = self.adj();
                let n = self.noun();
                let o = self.obj();
                let pl = self.place();
                let mut s = format!("{adj} {n} {} {o} in {pl}", verb.third);
                capitalize(&mut s);
                s
            }
            7 => {
                let adj = self.adj();
                let p = self.plural();
                let n = self.noun();
                let n2 = self.noun();
                format!("{ca} {} {adj} {p} over {n} {n2}", verb.third)
            }
            8 => {
                let n = self.noun();
                let n2 = self.noun();
                format!("Why {ca}{ap}s {n} {n2} matters for {cb}")
            }
            9 => {
                let num = self.rng.range(3, 400);
                let p = self.rng.pick(PEOPLE);
                let f = self.rng.pick(CROWD_FATES);
                let n = self.rng.pick(DISASTERS);
                let pl = self.place();
                format!("{num} {p} {f} after {n} hits {pl}")
            }
            10 => {
                let n = self.noun();
                let n2 = self.noun();
                let src = self.rng.pick(&["report", "officials", "sources", "analysts"]);
                format!("{ca} {} {n} {n2} with {cb} – {src}", verb.third)
            }
            11 => {
                let n = self.noun();
                let o = self.obj();
                format!("{cb}{ap}s {n} {} {o} & {}", verb.third, {
                    let p = self.plural();
                    format!("{} {p}", self.adj())
                })
            }
            _ => {
                let a1 = self.adj();
                let p = self.plural();
                let v = &self.verb().base;
                let n = self.noun();
                format!("{ca} and {cb} {v} {a1} {p} amid {n} {}", self.noun())
            }
        };
        capitalize(&mut h);
        if style == 1 {
            h = title_case(&h);
        }
        h
    }

    /// A photo caption sentence (style 2), without the photographer credit.
    fn caption(&mut self) -> String {
        let d = COUNTRIES[self.country()].1;
        let people = self.rng.pick(PEOPLE);
        let venue = self.rng.pick(VENUES);
        let pl = self.place();
        let day = self.weekday();
        match self.rng.below(3) {
            0 => {
                let n = self.noun();
                format!("{d} {people} rally against the {n}, pictured at the {venue} in {pl}, on {day}.")
            }
            1 => {
                let p = self.person_ref();
                format!("{p} speaks to {people} at the {venue} in {pl} on {day}.")
            }
            _ => format!("{d} {people} gather at the {venue} in {pl} on {day}."),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Styles
// ---------------------------------------------------------------------------------------------

/// Style slots per block of 20 articles: 5 masthead, 5 Markdown, 3 wire, 3 page-header date,
/// 4 icon list. Shuffled per block, so every 20 consecutive indexes hold every style.
const STYLE_SLOTS: [u8; 20] = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4];

/// The style (0..5) of article `index`.
fn style_of(seed: u64, index: u64) -> usize {
    let mut rng = Rng::new(seed ^ 0x5354_594C_4553, index / 20);
    let mut slots = STYLE_SLOTS;
    for i in (1..slots.len()).rev() {
        let j = rng.below(i + 1);
        slots.swap(i, j);
    }
    slots[(index % 20) as usize] as usize
}

/// A publication time of day, mostly in working hours.
fn pick_time(rng: &mut Rng) -> (usize, usize) {
    let hour = if rng.chance(80) { rng.range(7, 22) } else { rng.below(24) };
    (hour, rng.below(60))
}

/// Appends the body paragraphs to `out`, one per line with blank lines between, starting
/// with `first` (the lead paragraph, already written by the caller).
fn push_paragraphs(out: &mut String, w: &mut Writer, first: String, count: usize) {
    out.push_str(&first);
    for _ in 1..count {
        out.push_str("\n\n");
        let p = w.paragraph();
        out.push_str(&p);
    }
}

/// One article, a pure function of (seed, index): the same bytes on every machine and run.
///
/// The style follows a per-block shuffle of 20 slots (5 masthead, 5 Markdown, 3 wire, 3
/// page-header, 4 icon list), so any 20 consecutive indexes hold all five styles.
pub fn article(seed: u64, index: u64) -> Generated {
    let mut rng = Rng::new(seed, index);
    let hex = rng.next_u64();
    let style = style_of(seed, index);
    let undated = style <= 2 && rng.below(1000) < 15;
    let pub_day = pick_day(&mut rng, seed);
    let date = day(pub_day);
    let curly_default = matches!(style, 0 | 3 | 4);
    let curly = if rng.chance(20) { !curly_default } else { curly_default };
    let writer_rng = Rng::new(rng.next_u64(), index);
    let mut w = Writer::new(writer_rng, curly, date.year() as usize);
    let title = w.headline(style);
    let count = w.paragraph_count();

    let mut out = String::with_capacity(8192);
    let mut truth = Truth {
        path: String::new(),
        title: title.clone(),
        outlet: None,
        agency: None,
        published: None,
        authors: Vec::new(),
        url: None,
    };

    match style {
        0 => masthead(&mut out, &mut truth, &mut w, date, undated, count),
        1 => markdown(&mut out, &mut truth, &mut w, date, undated, count),
        2 => wire(&mut out, &mut truth, &mut w, date, undated, count),
        3 => page_header(&mut out, &mut truth, &mut w, pub_day, count),
        _ => icon_list(&mut out, &mut truth, &mut w, date, count),
    }

    let name = format!("{index:06}_{hex:016x}.txt");
    let path = if truth.published.is_some() {
        format!("{:04}/{:02}/{name}", date.year(), date.month())
    } else {
        format!("undated/{name}")
    };
    truth.path = path.clone();
    Generated { path, text: out, truth }
}

/// Style 1 (seed 000): masthead line, title, byline, `Published :` line, `• Link copied`.
fn masthead(out: &mut String, truth: &mut Truth, w: &mut Writer, date: Date, undated: bool, count: usize) {
    let korean = w.rng.chance(35);
    let outlet = if korean { w.rng.pick(KOREAN_OUTLETS) } else { w.rng.below(OUTLETS.len()) };
    out.push_str(OUTLETS[outlet].0);
    out.push_str("\n\n\n");
    out.push_str(&truth.title);
    out.push_str("\n\n");
    truth.outlet = Some(OUTLETS[outlet].0.to_string());

    // Byline: one Hangul name (romanized in a sign-off at the end), two Hangul names (no
    // sign-off: the truth keeps the Hangul), Latin names (1-3), or none.
    let hangul_odds = if korean { 45 } else { 6 };
    let mut sign_off = None;
    if w.rng.chance(hangul_odds) {
        if w.rng.chance(75) {
            let p = korean_person(&mut w.rng);
            out.push_str("By ");
            out.push_str(&p.hangul.unwrap_or_default());
            truth.authors.push(p.full.clone());
            sign_off = Some(p.full);
        } else {
            let names: Vec<String> = (0..2).map(|_| korean_person(&mut w.rng).hangul.unwrap_or_default()).collect();
            out.push_str("By ");
            out.push_str(&join_names(&names));
            truth.authors = names;
        }
        out.push_str("\n\n");
    } else if w.rng.chance(90) {
        let n = match w.rng.below(10) {
            0..=5 => 1,
            6..=8 => 2,
            _ => 3,
        };
        let names: Vec<String> = (0..n).map(|_| person(&mut w.rng, if korean { 60 } else { 10 }).full).collect();
        out.push_str("By ");
        out.push_str(&join_names(&names));
        out.push_str("\n\n");
        truth.authors = names;
    }

    if !undated {
        match w.rng.below(10) {
            0..=5 => {
                let (h, m) = pick_time(&mut w.rng);
                out.push_str(&format!("Published : {} - {h:02}:{m:02}", us_date(date)));
                truth.published = Some(format!("{}T{h:02}:{m:02}", iso_date(date)));
            }
            6..=7 => {
                out.push_str(&format!("Updated {}", us_date(date)));
                truth.published = Some(iso_date(date));
            }
            _ => {
                out.push_str(&format!("Published: {}", iso_date(date)));
                truth.published = Some(iso_date(date));
            }
        }
        out.push_str("\n\n");
    }
    out.push_str("    • Link copied\n\n");
    let lead = w.lead_sentence();
    push_paragraphs(out, w, lead, count);
    if let Some(name) = sign_off {
        out.push_str("\n\nBy ");
        out.push_str(&name);
        out.push_str(" (");
    }
}

/// Style 2 (seed 001): `# Title`, a date line, a captioned photo credit in bold, and an
/// `Original url:` trailer whose domain names the outlet.
fn markdown(out: &mut String, truth: &mut Truth, w: &mut Writer, date: Date, undated: bool, count: usize) {
    out.push_str("\n\n# ");
    out.push_str(&truth.title);
    out.push_str("\n\n");
    if !undated {
        let variant = match w.rng.below(10) {
            0..=5 => 0,
            6 => 1,
            7 => 2,
            _ if date.day() > 12 => 3,
            _ => 1,
        };
        let line = match variant {
            0 => us_date(date),
            1 => format!("{} {} {}", date.day(), month_name(date), date.year()),
            2 => iso_date(date),
            _ => format!("{:02}/{:02}/{}", date.day(), date.month(), date.year()),
        };
        out.push_str(&line);
        truth.published = Some(iso_date(date));
        let blanks = match w.rng.below(4) {
            0 => 1,
            1 => 2,
            _ => 3,
        };
        out.push_str(&"\n".repeat(blanks + 1));
    }
    let cap = w.caption();
    let photographer = person(&mut w.rng, 40).full;
    out.push_str(&cap);
    out.push_str(" **");
    out.push_str(&photographer);
    out.push_str("**\n\n");
    let lead = w.lead_sentence();
    push_paragraphs(out, w, lead, count);

    let (outlet, host) = if w.rng.chance(20) {
        let d = w.rng.pick(UNKNOWN_DOMAINS);
        (d.to_string(), format!("www.{d}"))
    } else {
        let mut i = w.rng.below(OUTLETS.len());
        if i == EURONEWS || i == RT {
            i = 8; // The Moscow Times, as in the seed.
        }
        (OUTLETS[i].0.to_string(), OUTLETS[i].2.to_string())
    };
    let s = slug(&truth.title);
    let n = w.rng.range(1, 99_999);
    let url = if undated {
        format!("https://{host}/news/{s}-a{n}")
    } else {
        format!("https://{host}/{:04}/{:02}/{:02}/{s}-a{n}", date.year(), date.month(), date.day())
    };
    out.push_str("\n\nOriginal url:\n\n<");
    out.push_str(&url);
    out.push('>');
    truth.outlet = Some(outlet);
    truth.url = Some(url);
}

/// Style 3 (seed 002): a wire story (Reuters, AFP or AP) on the Euronews portal.
fn wire(out: &mut String, truth: &mut Truth, w: &mut Writer, date: Date, undated: bool, count: usize) {
    let (agency, dateline_word, credit, trailer_word) = w.rng.pick(AGENCIES);
    let (source_long, source_short) = w.rng.pick(PHOTO_SOURCES);
    out.push_str("BREAKING NEWS\n\nBREAKING NEWS\n\n");
    out.push_str(&truth.title);
    out.push_str("\n\n");
    out.push_str(&truth.title);
    out.push('\n');
    // Photo caption, then page furniture, with no blank lines between.
    let lead = w.cast[0].who.full.clone();
    let v = &w.verb().third;
    let pl = w.place();
    let what = w.rng.pick(&["undated", "handout", "file"]);
    if undated {
        out.push_str(&format!(
            "{lead} {v} officials in {pl} in this {what} photo provided by {source_long}. {source_short} via {credit} -"
        ));
    } else {
        out.push_str(&format!(
            "{lead} {v} officials in {pl} in this {what} photo released on {} by {source_long}. {source_short} via {credit} -",
            us_date(date)
        ));
        truth.published = Some(iso_date(date));
    }
    out.push_str(&format!("\nCopyright\n{source_short}({dateline_word})\nText size Aa Aa\n\n"));

    let n = match w.rng.below(10) {
        0..=3 => 1,
        4..=8 => 2,
        _ => 3,
    };
    let korean_story = [1, 2].contains(&w.country_a) || [1, 2].contains(&w.country_b);
    let names: Vec<String> = (0..n)
        .map(|_| {
            if korean_story && w.rng.chance(8) {
                korean_person(&mut w.rng).hangul.unwrap_or_default()
            } else {
                person(&mut w.rng, if korean_story { 20 } else { 5 }).full
            }
        })
        .collect();
    out.push_str("By ");
    out.push_str(&join_names(&names));
    out.push_str("\n\n");
    truth.authors = names;
    truth.outlet = Some(OUTLETS[EURONEWS].0.to_string());
    truth.agency = Some(agency.to_string());

    // Dateline: "SEOUL", "VLADIVOSTOK, Russia" or "MOSCOW/VLADIVOSTOK, Russia".
    let capital = COUNTRIES[w.country_a].2.to_ascii_uppercase();
    let dateline = match w.rng.below(3) {
        0 => capital,
        _ => {
            let city_country = CITIES.iter().find(|(c, _)| *c == w.city).map_or(w.country_a, |(_, k)| *k);
            let country = COUNTRIES[city_country].0.trim_start_matches("the ");
            let city = w.city.to_ascii_uppercase();
            if w.rng.chance(30) { format!("{capital}/{city}, {country}") } else { format!("{city}, {country}") }
        }
    };
    let mut first = format!("{dateline} ({dateline_word}) - ");
    first.push_str(&w.lead_sentence());

    let subhead_at = if w.rng.chance(50) && count >= 8 { Some(count / 2 + w.rng.below(count / 3)) } else { None };
    out.push_str(&first);
    for i in 1..count {
        out.push_str("\n\n");
        if Some(i) == subhead_at {
            out.push_str(w.rng.pick(SUBHEAD_FIRST));
            out.push(' ');
            out.push_str(w.rng.pick(SUBHEAD_SECOND));
            out.push_str("\n\n");
        }
        let p = w.paragraph();
        out.push_str(&p);
    }
    if w.rng.chance(80) {
        let k = w.rng.range(1, 3);
        let extra: Vec<String> = (0..k)
            .map(|_| {
                let p = person(&mut w.rng, 20).full;
                let c = COUNTRIES[w.country()].2.to_ascii_uppercase();
                format!("{p} in {c}")
            })
            .collect();
        let writer = person(&mut w.rng, 5).full;
        let editors = [person(&mut w.rng, 0).full, person(&mut w.rng, 0).full];
        out.push_str(&format!(
            "\n\n(Additional reporting by {}; writing by {writer}; editing by {} and {})",
            join_names(&extra),
            editors[0],
            editors[1]
        ));
    }
    out.push_str(&format!(
        "\n\neuronews provides breaking news articles from {trailer_word} as a service to its readers, but does not edit the articles it publishes. Articles appear on euronews.com for a limited time."
    ));
}

/// Style 4 (seed 003): a page-header "viewed" date, title, standfirst, the publication date
/// in the same long form, then the story; no outlet named anywhere.
fn page_header(out: &mut String, truth: &mut Truth, w: &mut Writer, pub_day: usize, count: usize) {
    let span = (LAST_VIEW_DAY - pub_day).min(3000);
    let view_day = pub_day + 1 + w.rng.below(span);
    out.push_str(&long_date(day(view_day)));
    out.push_str("\n\n");
    out.push_str(&truth.title);
    out.push_str("\n\n");
    let lead = w.lead_sentence();
    let standfirst = lead.strip_suffix('.').unwrap_or(&lead);
    out.push_str(standfirst);
    out.push_str("\n\n");
    let date = day(pub_day);
    out.push_str(&long_date(date));
    out.push_str("\n\n");
    truth.published = Some(iso_date(date));
    push_paragraphs(out, w, lead, count);
}

/// Style 5 (seed 004): the icon-font line, `22 Apr, 2019 21:44`, the title twice, an
/// `Also on rt.com` promo line, a share prompt and podcast timers.
fn icon_list(out: &mut String, truth: &mut Truth, w: &mut Writer, date: Date, count: usize) {
    let outlet = if w.rng.chance(80) { RT } else { w.rng.below(OUTLETS.len()) };
    let (h, m) = pick_time(&mut w.rng);
    out.push_str(ICON_LINE);
    out.push('\n');
    out.push_str(&format!("{} {}, {} {h:02}:{m:02}\n\n", date.day(), &month_name(date)[..3], date.year()));
    truth.published = Some(format!("{}T{h:02}:{m:02}", iso_date(date)));
    truth.outlet = Some(OUTLETS[outlet].0.to_string());
    out.push_str(&truth.title);
    out.push_str("\n\n");
    out.push_str(&truth.title);
    out.push_str("\n\n");
    let promo_at = (count / 3).max(1) + w.rng.below(count / 3 + 1);
    let lead = w.lead_sentence();
    out.push_str(&lead);
    for i in 1..count {
        out.push_str("\n\n");
        if i == promo_at {
            let mut other = w.headline(4);
            while other == truth.title {
                other = w.headline(4);
            }
            out.push_str("Also on ");
            out.push_str(OUTLETS[outlet].1);
            out.push(' ');
            out.push_str(&other);
            out.push_str("\n\n");
        }
        let p = w.paragraph();
        out.push_str(&p);
    }
    out.push_str("\n\nIf you like this story, share it with a friend!\n\nPodcasts\n0:00\n24:55\n0:00\n28:50");
}

// ---------------------------------------------------------------------------------------------
// Writing to disk
// ---------------------------------------------------------------------------------------------

/// Writes `count` articles under `dir` (creating subfolders), and when `truth` is Some, one JSON
/// line per article (serde_json of Truth) to that file. Never writes outside `dir` and `truth`.
pub fn write_corpus(dir: &Path, count: u64, seed: u64, truth: Option<&Path>) -> std::io::Result<Stats> {
    fs::create_dir_all(dir)?;
    let mut truth_out = match truth {
        Some(p) => Some(BufWriter::with_capacity(1 << 20, fs::File::create(p)?)),
        None => None,
    };
    let mut made: HashSet<String> = HashSet::new();
    let mut stats = Stats { files: 0, bytes: 0 };
    for index in 0..count {
        let g = article(seed, index);
        let mut full = PathBuf::from(dir);
        let mut parts = g.path.split('/').peekable();
        let mut folder = String::new();
        while let Some(part) = parts.next() {
            full.push(part);
            if parts.peek().is_some() {
                if !folder.is_empty() {
                    folder.push('/');
                }
                folder.push_str(part);
            }
        }
        if !folder.is_empty() && !made.contains(&folder) {
            if let Some(parent) = full.parent() {
                fs::create_dir_all(parent)?;
            }
            made.insert(folder);
        }
        fs::write(&full, g.text.as_bytes())?;
        stats.files += 1;
        stats.bytes += g.text.len() as u64;
        if let Some(t) = truth_out.as_mut() {
            serde_json::to_writer(&mut *t, &g.truth)?;
            t.write_all(b"\n")?;
        }
    }
    if let Some(mut t) = truth_out {
        t.flush()?;
    }
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::DateTime;
    use std::collections::{HashMap, HashSet};

    /// The outlet table the extractor uses.
    const OUTLETS_TOML: &str = include_str!("../data/outlets.toml");

    /// One `[[outlet]]` entry of `data/outlets.toml`.
    struct TableOutlet {
        /// Display name.
        name: String,
        /// Domains, first one first.
        domains: Vec<String>,
        /// Other names.
        aliases: Vec<String>,
    }

    /// The quoted strings of a TOML line such as `domains = ["a", "b"]`.
    fn quoted(line: &str) -> Vec<String> {
        line.split('"').skip(1).step_by(2).map(str::to_string).collect()
    }

    /// A minimal reader of `data/outlets.toml` (names, domains, aliases).
    fn table() -> Vec<TableOutlet> {
        let mut out: Vec<TableOutlet> = Vec::new();
        for line in OUTLETS_TOML.lines().map(str::trim) {
            if line == "[[outlet]]" {
                out.push(TableOutlet { name: String::new(), domains: Vec::new(), aliases: Vec::new() });
            } else if let Some(o) = out.last_mut() {
                if line.starts_with("name") {
                    o.name = quoted(line).remove(0);
                } else if line.starts_with("domains") {
                    o.domains = quoted(line);
                } else if line.starts_with("aliases") {
                    o.aliases = quoted(line);
                }
            }
        }
        out
    }

    /// The style (1..=5) an article's text shows.
    fn detect_style(text: &str) -> usize {
        let first = text.lines().next().unwrap_or("");
        if text.starts_with(ICON_LINE) {
            5
        } else if text.starts_with("BREAKING NEWS\n") {
            4 - 1
        } else if text.starts_with("\n\n# ") {
            2
        } else if first.contains(", ") && first.split(' ').count() == 4 {
            4
        } else {
            1
        }
    }

    /// Parses a truth `published` value.
    fn parse_published(p: &str) -> Date {
        if p.contains('T') {
            p.parse::<DateTime>().expect("ISO date-time").date()
        } else {
            p.parse::<Date>().expect("ISO date")
        }
    }

    /// Parses `Monday, 25th March 2019` and checks weekday and suffix on the way.
    fn parse_long(line: &str) -> Date {
        let (_, rest) = line.split_once(", ").expect("weekday, ...");
        let mut it = rest.split(' ');
        let dd = it.next().expect("day");
        let month = it.next().expect("month");
        let year: i16 = it.next().expect("year").parse().expect("year number");
        let digits: String = dd.chars().take_while(char::is_ascii_digit).collect();
        let d: i8 = digits.parse().expect("day number");
        let m = MONTHS.iter().position(|x| *x == month).expect("month name") as i8 + 1;
        let date = Date::new(year, m, d).expect("valid date");
        assert_eq!(long_date(date), line, "weekday and ordinal suffix must be right");
        date
    }

    /// Same inputs, same bytes; different indexes or seeds, different articles.
    #[test]
    fn determinism() {
        for i in 0..200 {
            let a = article(7, i);
            let b = article(7, i);
            assert_eq!(a.text, b.text);
            assert_eq!(a.path, b.path);
            assert_eq!(a.truth, b.truth);
        }
        let texts: HashSet<String> = (0..200).map(|i| article(7, i).text).collect();
        assert_eq!(texts.len(), 200, "different indexes give different articles");
        assert_ne!(article(7, 3).text, article(8, 3).text, "seeds differ");
    }

    /// FNV-1a over bytes: a fixed hash to pin generated output in tests.
    fn fnv1a(bytes: &[u8]) -> u64 {
        bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
    }

    /// Pins the generator: if this changes, every corpus and truth file changes with it.
    #[test]
    fn golden_output_is_stable() {
        let all: String = (0..10)
            .map(|i| {
                let g = article(7, i);
                let truth = serde_json::to_string(&g.truth).expect("truth serializes");
                format!("{}\n{truth}\n", g.text)
            })
            .collect();
        let g = article(7, 1);
        assert_eq!(
            (g.path.as_str(), all.len(), fnv1a(all.as_bytes())),
            ("2015/07/000001_cc48a0e2d1c77be6.txt", 30283, 1834928561135223642)
        );
    }

    /// Every block of 20 indexes holds every style, so the first 50 show all five.
    #[test]
    fn every_style_in_first_fifty() {
        for seed in [0, 7, 42, u64::MAX] {
            let styles: HashSet<usize> = (0..50).map(|i| detect_style(&article(seed, i).text)).collect();
            assert_eq!(styles.len(), 5, "seed {seed}: {styles:?}");
            for i in 0..50 {
                assert_eq!(detect_style(&article(seed, i).text), style_of(seed, i) + 1);
            }
        }
    }

    /// Mean size near 3 KB, every file within about 1-8 KB.
    #[test]
    fn sizes() {
        let lens: Vec<usize> = (0..2000).map(|i| article(7, i).text.len()).collect();
        let mean = lens.iter().sum::<usize>() as f64 / lens.len() as f64;
        assert!((2000.0..=4500.0).contains(&mean), "mean {mean}");
        let min = *lens.iter().min().expect("non-empty");
        let max = *lens.iter().max().expect("non-empty");
        assert!(min >= 700, "min {min}");
        assert!(max <= 9000, "max {max}");
    }

    /// One paragraph per line, blank lines between, no trailing newline.
    #[test]
    fn paragraph_layout() {
        for i in 0..300 {
            let g = article(3, i);
            assert!(!g.text.ends_with('\n'), "no trailing newline, like the seeds");
            assert!(!g.text.contains("\n\n\n\n\n"), "{}", g.path);
            assert!(!g.text.contains('\r'));
            let body_paragraphs =
                g.text.split("\n\n").filter(|p| p.len() > 40 && p.ends_with('.') && !p.contains('\n')).count();
            assert!(body_paragraphs >= 5, "{}: {body_paragraphs}", g.path);
        }
    }

    /// Every truth field is sane and backed by the style's cues in the text.
    #[test]
    fn truth_is_sane_and_matches_the_text() {
        let outlets = table();
        let by_name: HashMap<&str, &TableOutlet> = outlets.iter().map(|o| (o.name.as_str(), o)).collect();
        let first = DateTime::from(day(0));
        let last = DateTime::from(day(DAY_COUNT - 1)).checked_add(1.day()).expect("in range");
        for i in 0..2000 {
            let g = article(11, i);
            let t = &g.truth;
            let text = &g.text;
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(t.path, g.path);
            assert!(!t.title.is_empty() && !t.title.ends_with('.'), "{}", t.title);
            let words = t.title.split_whitespace().count();
            assert!((5..=16).contains(&words), "{}", t.title);
            let heading = format!("# {}", t.title);
            let title_line = lines.contains(&t.title.as_str()) || lines.contains(&heading.as_str());
            assert!(title_line, "title is a line: {}", t.title);
            for a in &t.authors {
                assert!(!a.is_empty() && !a.contains(" and "), "{a}");
            }
            if let Some(p) = &t.published {
                let d = parse_published(p);
                let dt = DateTime::from(d);
                assert!(dt >= first && dt < last, "{p}");
                let dir = format!("{:04}/{:02}/", d.year(), d.month());
                assert!(g.path.starts_with(&dir), "{} vs {p}", g.path);
            } else {
                assert!(g.path.starts_with("undated/"), "{}", g.path);
            }
            if let Some(o) = &t.outlet {
                let known = by_name.contains_key(o.as_str());
                assert!(known || UNKNOWN_DOMAINS.contains(&o.as_str()), "{o}");
            }
            match detect_style(text) {
                1 => {
                    let o = t.outlet.as_deref().expect("masthead names the outlet");
                    assert_eq!(lines[0], o);
                    assert!(by_name.contains_key(o));
                    assert!(text.contains("\n    • Link copied\n\n"));
                    if let Some(p) = &t.published {
                        let d = parse_published(p);
                        if let Some((_, hm)) = p.split_once('T') {
                            let line = format!("Published : {} - {hm}", us_date(d));
                            assert!(lines.contains(&line.as_str()), "{line}");
                        } else {
                            let a = format!("Updated {}", us_date(d));
                            let b = format!("Published: {}", iso_date(d));
                            assert!(lines.contains(&a.as_str()) || lines.contains(&b.as_str()));
                        }
                    }
                    let hangul_single =
                        lines[5].starts_with("By ") && !lines[5].is_ascii() && !lines[5].contains(" and ");
                    assert_eq!(hangul_single, text.ends_with(" ("), "{}", g.path);
                    if text.ends_with(" (") {
                        let sign = lines.last().expect("lines");
                        assert_eq!(*sign, format!("By {} (", t.authors[0]));
                        assert_eq!(t.authors.len(), 1);
                        assert!(lines[5].starts_with("By ") && !lines[5].is_ascii());
                    } else if !t.authors.is_empty() {
                        assert_eq!(lines[5], format!("By {}", join_names(&t.authors)));
                    }
                    assert!(t.agency.is_none() && t.url.is_none());
                }
                2 => {
                    let url = t.url.as_deref().expect("style 2 has a url");
                    assert!(text.ends_with(&format!("\nOriginal url:\n\n<{url}>")));
                    let host = url.trim_start_matches("https://").split('/').next().expect("host");
                    let bare = host.trim_start_matches("www.");
                    let o = t.outlet.as_deref().expect("outlet from url");
                    if let Some(entry) = by_name.get(o) {
                        assert_eq!(entry.domains[0], bare);
                    } else {
                        assert_eq!(o, bare);
                    }
                    assert!(t.authors.is_empty());
                    assert_eq!(lines[2], format!("# {}", t.title));
                    assert!(text.contains("**\n\n"), "photo credit");
                    if let Some(p) = &t.published {
                        assert!(!p.contains('T'));
                        let d = parse_published(p);
                        assert!(url.contains(&format!("/{}/", iso_date(d).replace('-', "/"))));
                        let slash = format!("{:02}/{:02}/{}", d.day(), d.month(), d.year());
                        if lines[4] == slash {
                            assert!(d.day() > 12, "dd/mm dates are unambiguous");
                        }
                    }
                }
                3 => {
                    assert_eq!(t.outlet.as_deref(), Some("Euronews"));
                    let agency = t.agency.as_deref().expect("wire agency");
                    let &(_, word, credit, lower) = AGENCIES.iter().find(|a| a.0 == agency).expect("known agency");
                    assert!(text.contains(&format!(" ({word}) - ")));
                    assert!(text.contains(&format!(" via {credit} -\nCopyright\n")));
                    assert!(text.contains(&format!("articles from {lower} as a service")));
                    assert_eq!(lines[4], t.title);
                    assert_eq!(lines[6], t.title);
                    let by = lines.iter().find(|l| l.starts_with("By ")).expect("byline");
                    assert_eq!(*by, format!("By {}", join_names(&t.authors)));
                    if let Some(p) = &t.published {
                        let d = parse_published(p);
                        assert!(lines[7].contains(&format!("released on {} by", us_date(d))));
                    }
                }
                4 => {
                    assert!(t.outlet.is_none() && t.url.is_none() && t.authors.is_empty());
                    let header = parse_long(lines[0]);
                    let published = parse_long(lines[6]);
                    let p = t.published.as_deref().expect("style 4 is dated");
                    assert_eq!(parse_published(p), published);
                    assert!(header > published, "{header} > {published}");
                    assert_eq!(lines[2], t.title);
                    assert!(lines[8].starts_with(&format!("{}.", lines[4])), "standfirst");
                }
                5 => {
                    assert_eq!(lines[0], ICON_LINE);
                    let p = t.published.as_deref().expect("style 5 is dated");
                    let d = parse_published(p);
                    let (_, hm) = p.split_once('T').expect("with a time");
                    let line = format!("{} {}, {} {hm}", d.day(), &month_name(d)[..3], d.year());
                    assert_eq!(lines[1], line);
                    assert_eq!(lines[3], t.title);
                    assert_eq!(lines[5], t.title);
                    let promo = lines.iter().find(|l| l.starts_with("Also on ")).expect("promo line");
                    let domain = promo["Also on ".len()..].split(' ').next().expect("domain");
                    let o = t.outlet.as_deref().expect("outlet from promo");
                    assert_eq!(by_name[o].domains[0], domain);
                    assert!(text.ends_with(
                        "If you like this story, share it with a friend!\n\nPodcasts\n0:00\n24:55\n0:00\n28:50"
                    ));
                }
                s => panic!("unknown style {s}"),
            }
        }
    }

    /// Prose never looks like a byline, an outlet line, a URL, a dateline or a date line.
    #[test]
    fn body_has_no_false_cues() {
        let outlets = table();
        let mut names: HashSet<String> = HashSet::new();
        for o in &outlets {
            names.insert(o.name.to_lowercase());
            names.extend(o.aliases.iter().map(|a| a.to_lowercase()));
        }
        for i in 0..2000 {
            let g = article(5, i);
            let style = detect_style(&g.text);
            let lines: Vec<&str> = g.text.lines().collect();
            for (n, line) in lines.iter().enumerate() {
                let last = n + 1 == lines.len();
                if line.starts_with("By ") {
                    let ok = (style == 1 && (n == 5 || last)) || style == 3;
                    assert!(ok, "{}: line {n}: {line}", g.path);
                }
                if names.contains(&line.to_lowercase()) {
                    assert!(style == 1 && n == 0, "{}: outlet line {line}", g.path);
                }
                if line.contains("http") || line.contains("www.") {
                    assert!(style == 2 && last, "{}: {line}", g.path);
                }
                if line.contains(") - ") {
                    assert_eq!(style, 3, "{}: {line}", g.path);
                }
                let trimmed = line.trim();
                let digits = trimmed.chars().filter(char::is_ascii_digit).count();
                let sentence = trimmed.ends_with('.') || trimmed.ends_with(')');
                if digits >= 4 && trimmed.len() < 40 && n > 8 && !sentence {
                    let podcast = style == 5 && trimmed.contains(':');
                    assert!(podcast, "{}: date-like line {line}", g.path);
                }
            }
        }
    }

    /// Outlet, date and author mix: 40+ known outlets, unknown domains, ~15% none, ~1% undated, bursts.
    #[test]
    fn mix_of_outlets_dates_and_authors() {
        let n = 5000;
        let mut known = HashSet::new();
        let mut unknown = HashSet::new();
        let (mut none, mut undated, mut hangul, mut with_time) = (0, 0, 0, 0);
        let mut per_week: HashMap<i64, usize> = HashMap::new();
        for i in 0..n {
            let t = article(9, i).truth;
            match t.outlet.as_deref() {
                None => none += 1,
                Some(o) if UNKNOWN_DOMAINS.contains(&o) => {
                    unknown.insert(o.to_string());
                }
                Some(o) => {
                    known.insert(o.to_string());
                }
            }
            match t.published.as_deref() {
                None => undated += 1,
                Some(p) => {
                    with_time += usize::from(p.contains('T'));
                    let d = parse_published(p);
                    let week = i64::from(d.year()) * 53 + i64::from(d.iso_week_date().week());
                    *per_week.entry(week).or_default() += 1;
                }
            }
            hangul += t.authors.iter().filter(|a| !a.is_ascii()).count();
        }
        assert!(known.len() >= 40, "{} known outlets", known.len());
        assert!(unknown.len() >= 5, "{unknown:?}");
        let none_share = none as f64 / n as f64;
        assert!((0.12..=0.18).contains(&none_share), "{none_share}");
        let undated_share = undated as f64 / n as f64;
        assert!((0.004..=0.02).contains(&undated_share), "{undated_share}");
        assert!(hangul > 20 && with_time > 1000, "{hangul} {with_time}");
        // Bursty: the busiest weeks hold far more than the average week.
        let mean = (n - undated) as f64 / 1044.0;
        let busiest = *per_week.values().max().expect("weeks") as f64;
        assert!(busiest > 6.0 * mean, "busiest {busiest}, mean {mean}");
    }

    /// At least 1,500 distinct words; titles nearly all distinct and using ’ & – '.
    #[test]
    fn vocabulary_and_titles() {
        let mut vocab: HashSet<String> = HashSet::new();
        let mut titles = HashSet::new();
        let mut marks = [false; 4];
        for i in 0..2000 {
            let g = article(13, i);
            for w in g.text.split(|c: char| !c.is_alphabetic()) {
                if w.len() > 1 {
                    vocab.insert(w.to_lowercase());
                }
            }
            for (k, m) in ["’", "&", "–", "'"].iter().enumerate() {
                marks[k] |= g.truth.title.contains(m);
            }
            titles.insert(g.truth.title);
        }
        assert!(vocab.len() >= 1500, "{} distinct words", vocab.len());
        assert!(titles.len() >= 1980, "{} distinct titles", titles.len());
        assert_eq!(marks, [true; 4], "titles use ’ & – '");
    }

    /// Inflection, articles, ordinals, long dates and slugs.
    #[test]
    fn word_forms() {
        assert_eq!(plural("ally"), "allies");
        assert_eq!(plural("spokesman"), "spokesmen");
        assert_eq!(plural("tax"), "taxes");
        assert_eq!(plural("speech"), "speeches");
        assert_eq!(plural("embargo"), "embargoes");
        assert_eq!(plural("video"), "videos");
        assert_eq!(past("announce"), "announced");
        assert_eq!(past("study"), "studied");
        assert_eq!(past("deploy"), "deployed");
        assert_eq!(third("approach"), "approaches");
        assert_eq!(article_for("unified"), "a");
        assert_eq!(article_for("open"), "an");
        let suffixes: Vec<&str> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].iter().map(|d| ordinal_suffix(*d)).collect();
        assert_eq!(suffixes, ["st", "nd", "rd", "th", "th", "th", "th", "st", "nd", "rd", "st"]);
        assert_eq!(long_date(jiff::civil::date(2019, 3, 25)), "Monday, 25th March 2019");
        assert_eq!(long_date(jiff::civil::date(2025, 1, 22)), "Wednesday, 22nd January 2025");
        assert_eq!(iso_date(day(DAY_COUNT - 1)), "2025-12-31");
        assert_eq!(slug("North Korea’s Kim & Putin 'soon'"), "north-koreas-kim-putin-soon");
    }

    /// Every outlet used is in data/outlets.toml with that first domain; invented ones are not.
    #[test]
    fn outlet_table_matches_data_file() {
        let outlets = table();
        for (name, domain, host) in OUTLETS {
            let entry = outlets
                .iter()
                .find(|o| o.name == *name)
                .unwrap_or_else(|| panic!("{name} missing from data/outlets.toml"));
            assert_eq!(entry.domains[0], *domain, "{name}");
            assert!(*host == *domain || *host == format!("www.{domain}"));
        }
        assert_eq!(OUTLETS[RT].0, "RT");
        assert_eq!(OUTLETS[EURONEWS].0, "Euronews");
        for d in UNKNOWN_DOMAINS {
            assert!(outlets.iter().all(|o| o.domains.iter().all(|x| !d.ends_with(x.as_str()))), "{d} must be unknown");
        }
    }

    /// write_corpus writes `count` files and `count` truth lines matching `article`.
    #[test]
    fn write_corpus_writes_files_and_truth() {
        let dir = std::env::temp_dir().join(format!("newsdesk-synth-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let corpus = dir.join("corpus");
        let truth = dir.join("truth.jsonl");
        let stats = write_corpus(&corpus, 60, 21, Some(&truth)).expect("write corpus");
        assert_eq!(stats.files, 60);
        let mut files = 0;
        let mut bytes = 0;
        let mut stack = vec![corpus.clone()];
        while let Some(d) = stack.pop() {
            for e in fs::read_dir(&d).expect("read dir") {
                let e = e.expect("entry");
                if e.file_type().expect("type").is_dir() {
                    stack.push(e.path());
                } else {
                    files += 1;
                    bytes += e.metadata().expect("metadata").len();
                }
            }
        }
        assert_eq!(files, 60);
        assert_eq!(bytes, stats.bytes);
        let lines: Vec<Truth> = fs::read_to_string(&truth)
            .expect("truth file")
            .lines()
            .map(|l| serde_json::from_str(l).expect("truth json"))
            .collect();
        assert_eq!(lines.len(), 60);
        for (i, t) in lines.iter().enumerate() {
            assert_eq!(*t, article(21, i as u64).truth);
            let text = fs::read_to_string(corpus.join(&t.path)).expect("article file");
            assert_eq!(text, article(21, i as u64).text);
        }
        fs::remove_dir_all(&dir).expect("clean up");
    }
}

// ---------------------------------------------------------------------------------------------
// Stories: multi-outlet events and wire copies, with their truth
// ---------------------------------------------------------------------------------------------

/// Story truth for one article of [`write_stories`]: its event, and the article it copies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryTruth {
    pub path: String,
    /// `e00042`: one happening.
    pub event: String,
    /// The path of the wire original this article republishes; None for an original report.
    pub copy_of: Option<String>,
    /// The agency credited on a wire text and its copies.
    pub wire: Option<String>,
}

/// Made-up place and person names: syllables, so every event has names no other event has
/// (unless it is a follow-up that shares them on purpose).
const SYLLABLES: &[&str] = &[
    "var", "holt", "bren", "mar", "osk", "tal", "vin", "dor", "ket", "lis", "ru", "gan", "pel", "sor", "ath", "mun",
    "fel", "zar", "quin", "bel", "tor", "ess", "kal", "rim", "yol", "dra", "wen", "hask", "lem", "cor",
];
const HAPPENINGS: &[(&str, &str)] = &[
    ("bridge collapse", "collapsed"),
    ("factory fire", "burned"),
    ("ferry strike", "stopped"),
    ("dam breach", "gave way"),
    ("stadium evacuation", "was evacuated"),
    ("train derailment", "derailed"),
    ("museum theft", "was robbed"),
    ("power cut", "went dark"),
];
const STORY_OUTLETS: &[&str] = &["euronews.com", "rt.com", "koreaherald.com", "themoscowtimes.com", "wicnews.com"];
const WIRES: &[&str] = &["Reuters", "AFP", "AP"];

fn made_up_name(rng: &mut Rng, parts: usize) -> String {
    let mut s = String::new();
    for _ in 0..parts {
        s.push_str(rng.pick(SYLLABLES));
    }
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

/// One event's facts.
struct Event {
    place: String,
    person: String,
    org: String,
    what: (&'static str, &'static str),
    count: usize,
    day: usize,
    follow_up: bool,
}

fn event_facts(seed: u64, e: u64) -> Event {
    // Every fifth event is a follow-up: the previous event's place, person and organisation,
    // weeks later, a different happening (the hard negative of the story set, made up).
    let base = if e % 5 == 4 { e - 1 } else { e };
    let mut r = Rng::new(seed ^ 0x5701_2135, base);
    let place = made_up_name(&mut r, 2);
    let person = format!("{} {}", made_up_name(&mut r, 2), made_up_name(&mut r, 2));
    let org = format!("{} {}", made_up_name(&mut r, 2), r.pick(&["Authority", "Council", "Company", "Agency"]));
    let mut r2 = Rng::new(seed ^ 0x5701_2136, e);
    let mut what = r2.pick(HAPPENINGS);
    let day = if base == e { r2.below(DAY_COUNT - 60) } else { event_facts(seed, base).day + 20 + r2.below(20) };
    if base != e {
        let prev = event_facts(seed, base).what;
        while what == prev {
            what = r2.pick(HAPPENINGS);
        }
    }
    Event { place, person, org, what, count: 2 + r2.below(40), day, follow_up: base != e }
}

/// An original report of an event: its own wording of the shared facts.
fn report(e: &Event, rng: &mut Rng, lead_style: usize) -> (String, Vec<String>) {
    let Event { place, person, org, what, count, .. } = e;
    let (noun, verb) = *what;
    let weekday = weekday_name(day(e.day));
    let titles = [
        format!("{} in {place}: {count} people hurt", title_case(noun)),
        format!("{place} {noun} leaves {count} hurt, {org} says"),
        format!("{person} says {org} will investigate {place} {noun}"),
    ];
    let leads = [
        format!("A {noun} in {place} on {weekday} left {count} people hurt, the {org} said."),
        format!("{count} people were hurt when a site in {place} {verb} on {weekday}, according to the {org}."),
        format!("The {org} opened an inquiry after a {noun} in {place} hurt {count} people on {weekday}."),
    ];
    // A follow-up event has the same people and place but its own sentences: reports of two
    // happenings share names, not wording.
    let more = if e.follow_up {
        vec![
            format!("{person} asked residents of {place} to stay calm after the {noun}."),
            format!("Engineers from the {org} arrived in {place} within hours, {person} told local radio."),
            format!("Neighbours said they had warned the {org} about the site for years."),
            format!("Schools in {place} will reopen once the {noun} site is cleared, officials said."),
            format!("{person} said compensation would be offered to those affected."),
            format!("Local television showed crowds gathering near the site in {place}."),
        ]
    } else {
        vec![
            format!("\"We are doing everything we can for the families,\" {person} said."),
            format!("{person}, who heads the {org}, told reporters the cause was not yet known."),
            format!("Residents of {place} described hearing a loud noise before the site {verb}."),
            format!("Police closed roads around {place} while inspectors from the {org} examined the site."),
            format!("It was the worst {noun} in the region for a decade, local officials said."),
            format!("The {org} said it would publish a first report on the {noun} within a month."),
        ]
    };
    let title = titles[rng.below(titles.len())].clone();
    let mut body = vec![leads[lead_style % leads.len()].clone()];
    // One sentence order per event (all its reports), from the event's facts.
    let mut event_rng = Rng::new(e.day as u64, *count as u64);
    let mut order: Vec<usize> = (0..more.len()).collect();
    for k in (1..order.len()).rev() {
        order.swap(k, event_rng.below(k + 1));
    }
    // Report k takes its own run of the shuffled sentences (two per report apart), so two
    // reports share a sentence or two, never most of their text: they are not copies.
    let (start, take) = if lead_style < 3 { (2 * lead_style, 3) } else { (lead_style, 1) };
    for j in 0..take {
        body.push(more[order[(start + j) % order.len()]].clone());
    }
    (title, body)
}

/// A markdown-style article file: headline, date line, paragraphs, the outlet's URL.
fn story_file(title: &str, date: Date, body: &[String], domain: &str, slug_id: u64) -> String {
    format!(
        "# {title}\n\n{}\n\n{}\n\nOriginal url:\n\n<https://www.{domain}/{}/{}-{slug_id:x}>",
        long_date(date),
        body.join("\n\n"),
        date.year(),
        slug(title)
    )
}

/// Writes `events` made-up events under `dir`: for each, one to three original reports by
/// different outlets and, for some, a wire text and up to three lightly edited copies (another
/// headline, a trimmed end, a line of the outlet's own). Returns the articles' story truth
/// (also written as JSON lines to `truth` when given). Deterministic, like [`write_corpus`].
pub fn write_stories(dir: &Path, events: u64, seed: u64, truth: Option<&Path>) -> std::io::Result<Vec<StoryTruth>> {
    fs::create_dir_all(dir)?;
    let mut out = Vec::new();
    for e in 0..events {
        let ev = event_facts(seed, e);
        let mut rng = Rng::new(seed ^ 0x5701_2137, e);
        let date = day(ev.day);
        let event = format!("e{e:05}");
        let reports = 1 + rng.below(3);
        let write = |name: String, text: String, t: StoryTruth, out: &mut Vec<StoryTruth>| -> std::io::Result<()> {
            fs::write(dir.join(&name), text.as_bytes())?;
            out.push(t);
            Ok(())
        };
        for k in 0..reports {
            let (title, body) = report(&ev, &mut rng, k);
            let d = date.checked_add((rng.below(2) as i64).days()).unwrap_or(date);
            let name = format!("{event}-r{k}.txt");
            let text =
                story_file(&title, d, &body, STORY_OUTLETS[(k + e as usize) % STORY_OUTLETS.len()], rng.next_u64());
            write(
                name.clone(),
                text,
                StoryTruth { path: name, event: event.clone(), copy_of: None, wire: None },
                &mut out,
            )?;
        }
        if rng.chance(40) {
            let wire = rng.pick(WIRES);
            let style = 3 + rng.below(3);
            let (title, mut body) = report(&ev, &mut rng, style);
            if let Some(first) = body.first_mut() {
                *first = format!("{} ({wire}) - {first}", ev.place.to_uppercase());
            }
            // A wire text is longer than a report: the agency's background paragraphs.
            for k in 0..5 {
                let mut r = Rng::new(seed ^ 0x5701_2138, e * 8 + k);
                body.push(format!(
                    "The {} was founded in {} and employs about {} people in {} and {}.",
                    ev.org,
                    1950 + r.below(60),
                    100 + r.below(900),
                    ev.place,
                    made_up_name(&mut r, 2)
                ));
            }
            let original = format!("{event}-wire.txt");
            let text = story_file(&title, date, &body, "euronews.com", rng.next_u64());
            let truth =
                StoryTruth { path: original.clone(), event: event.clone(), copy_of: None, wire: Some(wire.into()) };
            write(original.clone(), text, truth, &mut out)?;
            for k in 0..1 + rng.below(3) {
                let mut copy = body.clone();
                copy.truncate(copy.len() - rng.below(3));
                if rng.chance(50) {
                    copy.push("Follow our live coverage for more updates.".into());
                }
                let headline = format!("{} ({})", report(&ev, &mut rng, 0).0, wire);
                let name = format!("{event}-copy{k}.txt");
                let domain = STORY_OUTLETS[(k + 1 + e as usize) % STORY_OUTLETS.len()];
                let text = story_file(&headline, date, &copy, domain, rng.next_u64());
                let t = StoryTruth {
                    path: name.clone(),
                    event: event.clone(),
                    copy_of: Some(original.clone()),
                    wire: Some(wire.into()),
                };
                write(name, text, t, &mut out)?;
            }
        }
    }
    if let Some(p) = truth {
        let mut w = BufWriter::new(fs::File::create(p)?);
        for t in &out {
            serde_json::to_writer(&mut w, t)?;
            w.write_all(b"\n")?;
        }
        w.flush()?;
    }
    Ok(out)
}
