"""Scrapy settings for newsroom_scraper: safe defaults for unattended, scheduled runs.

Every NEWSROOM_* setting is documented here with its default; override any
of them with `-s NAME=VALUE` or in your own settings module.
"""

from newsroom_scraper.record import RECORD_FIELDS

BOT_NAME = "newsroom_scraper"
SPIDER_MODULES = ["newsroom_scraper.spiders"]
NEWSPIDER_MODULE = "newsroom_scraper.spiders"
# Our `crawl`: one-line errors for mistakes, and an exit status saying whether the run worked (README "Exit statuses").
COMMANDS_MODULE = "newsroom_scraper.commands"

# --- Our settings -----------------------------------------------------------
# Sources file (TOML); None means the one shipped in the package.
NEWSROOM_SOURCES = None
# Listing pages followed per start URL, the start page included.
NEWSROOM_MAX_PAGES = 5
# Who we are: site owners read this in their logs. Set the contact URL to yours.
NEWSROOM_CONTACT_URL = "https://github.com/newsroom-scraper/newsroom_scraper"
NEWSROOM_USER_AGENT = "newsroom_scraper/{version} (+{contact})"
# Write all crawl stats as JSON here when the crawl ends (None: don't).
NEWSROOM_STATS_FILE = None

# --- Discovery (see README "Discovery") -----------------------------------------
# Default None: no cut-off. "YYYY-MM-DD": sitemap/feed entries dated before it are not fetched
# and records dated before it are not exported. `-a since=...` wins over this.
NEWSROOM_SINCE = None
# Default "all": every in-scope link of a listing page is fetched and the extraction decides
# (no article is lost to a wrong guess; the site's navigation pages are fetched on every run).
# "articles": only links that look like articles (URL shape, dated headline lists, main content).
# A source's `allow` patterns, when it has them, decide instead of both.
NEWSROOM_LISTING_LINKS = "all"
# Default True: start pages' <link rel="alternate"> RSS/Atom feeds are read too.
NEWSROOM_DISCOVER_FEEDS = True
# Default 50: sitemaps read per source from indexes and robots.txt (bounds nested indexes).
NEWSROOM_MAX_SITEMAPS = 50
# Default 60: the longest robots.txt Crawl-delay honoured, in seconds; a longer one is cut to it (with a warning).
NEWSROOM_MAX_CRAWL_DELAY = 60.0

# Default "auto": one extraction worker process per usable core (os.sched_getaffinity), 0 on a single
# core. Extraction is the crawl's CPU work and Scrapy runs on one thread: in workers it uses every core
# while the reactor keeps downloading (a loopback crawl ran 1.5x faster with 2 workers than with 0).
# N: that many workers; 0: extract in the crawl's own process (least memory, one core).
NEWSROOM_EXTRACT_WORKERS = "auto"
# Default 20: seconds one page's extraction may take (10x the slowest of 2,160 real pages measured).
# Past it the page is dropped as not_article/extraction_timeout: in process, at the next stage boundary
# (or by a timer on the main thread); in a worker, the worker is also killed 5 s later if still busy.
NEWSROOM_EXTRACT_TIMEOUT = 20.0
# Default 1024: address space (MiB) each extraction worker may use (RLIMIT_AS; Unix, workers only). A
# worker starts at about 200 MiB and real pages need under 100 more; a page that needs more is dropped as
# not_article/too_complex and only its worker is replaced. 0: no limit.
NEWSROOM_EXTRACT_MEMORY_MB = 1024

# --- Scheduled runs (see README "Scheduled runs") ------------------------------
# Default "sqlite:///.newsroom/state.db": the seen-store, a SQLite file under the working directory
# (sqlite:////abs/path.db for an absolute path; a bare path works too). A run exports only articles
# that are new or whose content changed since they were last exported; `-a mode=full` exports all
# again. Empty: no state, every run exports everything it finds.
NEWSROOM_STATE = "sqlite:///.newsroom/state.db"
# Default 86400 (one day): an article already exported is downloaded again (with a conditional GET,
# usually answered 304) only once this many seconds have passed since it was last checked; 0: on every
# run. Newsrooms correct articles mostly on their first day, and then rarely: a day brings corrections
# into the archive within a day, while an hourly run spends its requests on listings and new articles
# (each listed article costs a site one conditional request a day, not 24).
NEWSROOM_RECHECK_AFTER = 86400
# Default False: no WARC. True: the raw responses of the exported articles go to a .warc.gz beside the
# first file feed (out.jsonl -> out.warc.gz), each carrying the article's id; a path (with %(name)s,
# %(time)s as in FEEDS) puts it there instead.
NEWSROOM_WARC = False

# --- Logs (see README "Reading the log") -----------------------------------------
# Default 60: every minute, one INFO line with the pages fetched, articles, not-articles and failures so far
# and the pages per minute (extensions/progress.py); 0: no progress lines. A minute is often enough to see a
# crawl move without the line drowning the rest.
NEWSROOM_PROGRESS_INTERVAL = 60.0

# --- Many processes, many machines (see README "Crawling on many machines") --------
# Default None: one process, Scrapy's own scheduler, the SQLite seen-store. "redis://host:port/db": this
# process is one worker of a shared crawl: scrapy-redis' scheduler and dupefilter on that Redis (each
# request made once by one of the workers), leased requests (a dead worker's are done by the others),
# per-site delay and concurrency for all workers together, robots.txt fetched once per site, and, unless
# NEWSROOM_STATE is set too, the seen-store on the same Redis. Redis must be trusted: queued requests are
# pickled (scrapy-redis' format).
NEWSROOM_REDIS_URL = None
# Default None (the spider's name, "newsroom"): the workers with the same id share one crawl; give
# crawls that must not share a frontier (different sources, arguments) different ids.
NEWSROOM_CRAWL_ID = None
# Default 15: seconds after which a silent worker on another machine counts as dead, and its leased
# requests are queued again (on the same machine a dead process is seen at once).
NEWSROOM_WORKER_TTL = 15.0
# Applies NEWSROOM_REDIS_URL before the crawl starts (settings given with -s included); nothing without it.
ADDONS = {"newsroom_scraper.distributed.addon.DistributedCrawl": 0}

# --- Politeness ---------------------------------------------------------------
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_DELAY = 1.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
# Outputs of one response handled at once (Scrapy's default 100). A response gives at most one item (a
# page), and requests are scheduled at once; Scrapy starts this many tasks for every response, which
# at 100 cost 13 % of the crawl process's CPU (benchmarks/crawl_throughput.py, py-spy).
CONCURRENT_ITEMS = 1
DOWNLOAD_TIMEOUT = 30
RETRY_TIMES = 2
# Default 300: the longest `Retry-After` (429, 503) waited for, in seconds. The site's requests wait that
# long while other sites go on; a longer wait is not waited for and the URL is counted as
# failed/retry_after_too_long rather than asked again (a server asking for an hour wants no retry now).
NEWSROOM_MAX_RETRY_AFTER = 300
# Responses are bounded: a newsroom article is well under 4 MiB of HTML.
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
# A safety net: the spider's own structure (listings, then one hop) is what bounds a crawl.
DEPTH_LIMIT = 100

# --- Security: no remote control of an unattended crawler ----------------------
# Scrapy's RemoteControl extension opens an HTTP port that runs code in the
# crawler, and the telnet console does the same over telnet: both off. Turn
# one on for a session you watch with -s REMOTE_CONTROL_ENABLED=True.
REMOTE_CONTROL_ENABLED = False
TELNETCONSOLE_ENABLED = False
EXTENSIONS = {
    "scrapy.extensions.telnet.TelnetConsole": None,
    # Before the FeedExporter (0): an article's response is in the WARC before its line is in the feed.
    "newsroom_scraper.extensions.warcwriter.WarcWriter": -10,
    "newsroom_scraper.extensions.runsummary.RunSummary": 500,
    # Our progress line replaces Scrapy's "Crawled N pages, scraped N items" (dropped pages are not "scraped").
    "scrapy.extensions.logstats.LogStats": None,
    "newsroom_scraper.extensions.progress.Progress": 500,
    # After AutoThrottle (0): signal handlers run in the order they were connected, so a profile's delay and
    # a robots.txt Crawl-delay stay floors under AutoThrottle's adjustments (extensions/sitedelays.py).
    "newsroom_scraper.extensions.sitedelays.SiteDelays": 100,
}
# Responses pass these from the highest number down: each of ours sees a response before the Scrapy one
# it guards. Retry-After before RetryMiddleware (550); complete bodies before HttpCompressionMiddleware (590);
# redirect loops and off-site redirects before RedirectMiddleware (600); a 304 stops in the recheck (650).
# Scrapy's MetaRefreshMiddleware decodes every HTML page whole to look for a refresh: ours, in its place
# (580), rules one out in the bytes first (downloadermiddlewares/metarefresh.py).
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "newsroom_scraper.downloadermiddlewares.metarefresh.MetaRefreshMiddleware": 580,
    "newsroom_scraper.downloadermiddlewares.retryafter.RetryAfterMiddleware": 560,
    "newsroom_scraper.downloadermiddlewares.integrity.IntegrityMiddleware": 595,
    "newsroom_scraper.downloadermiddlewares.redirects.RedirectGuardMiddleware": 610,
    "newsroom_scraper.downloadermiddlewares.recheck.RecheckMiddleware": 650,
}

# --- Pipelines and output -----------------------------------------------------
ITEM_PIPELINES = {
    "newsroom_scraper.pipelines.extract.ExtractPipeline": 100,
    "newsroom_scraper.pipelines.since.SincePipeline": 150,
    "newsroom_scraper.pipelines.validate.ValidatePipeline": 200,
    "newsroom_scraper.pipelines.duplicates.DuplicatesPipeline": 300,
    # Last: only records that will be exported are compared with the store and claimed.
    "newsroom_scraper.pipelines.seen.SeenPipeline": 400,
}
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = list(RECORD_FIELDS)
FEED_STORAGES = {
    "": "newsroom_scraper.feedstorage.LineFileFeedStorage",
    "file": "newsroom_scraper.feedstorage.LineFileFeedStorage",
}

LOG_LEVEL = "INFO"
# A dropped page or record is one line, reason and URL, without the item's repr (logformatter.py), at DEBUG:
# each drop is counted in the stats and the run summary; -s DEFAULT_DROPITEM_LOG_LEVEL=INFO shows every one.
LOG_FORMATTER = "newsroom_scraper.logformatter.OneLineLogFormatter"
DEFAULT_DROPITEM_LOG_LEVEL = "DEBUG"
