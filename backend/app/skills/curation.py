"""Hand curation of the skills taxonomy (data; compiled with the four sources by `app.skills.build`).

`CORE` (the file `sources/curated_skills.txt`) lists the skills we name ourselves, one per line:
`Canonical | category | aliases`. An alias is matched case-insensitively anywhere unless it carries a marker:

    =Form   case-sensitive: counts as written ("Oracle", "SAP"); another casing only inside a list of skills
    ~Form   ambiguous word: counts only as written *and* with context (a list of skills, "experience with …",
            "… programming", a skills label); "Go", "R", "Swift", "Spring", "Express"
    ~~Form  as ~Form, but a lower-case form also counts inside a list with an unambiguous skill ("word, excel")
    ^form   canonical-only: `Taxonomy.canonical` maps it, the extractor never looks for it

The canonical name itself is an alias with no marker unless the alias list repeats it with one.
"""

from __future__ import annotations

from pathlib import Path

_DATA = Path(__file__).parent / "sources"


def _read(name: str) -> str:
    """One of the curation's data files (our own, beside the vendored sources): the build script reads them."""
    return (_DATA / name).read_text(encoding="utf-8")


def _words(text: str) -> frozenset[str]:
    """A blank-separated list of words."""
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[str]:
    """A comma-separated list of phrases."""
    return frozenset(p.strip() for p in text.split(",") if p.strip())


CORE = _read("curated_skills.txt")

# Aliases from the sources that map to the wrong skill or fire on ordinary words (source, normalised alias).
# "*" matches every source. The README of the taxonomy data lists most of these.
HARMFUL_ALIASES: dict[str, frozenset[str]] = {
    "esco": _phrases(
        """
        access, design, draw, git, guide, io, it, less, r, salt, spark, st, swift
        """
    ),
    "explore": _phrases(
        """
        3d printing, angularjs, application, arch, ast, case, coding, command line, commandline, config, demos,
        dependencies, dev, docs, examples, extension, extensions, fabric, forge, fs, grammar, helpdesk, jdk, jvm,
        lexer, metrics, monitor, motion, next, node, none, normalization, normalize, normalizer, opensource, oss,
        paper, parse, plpgsql, plugin, plugins, projects, quality, quantum, reset, rest, review, scripts, server,
        servers, strategy, support, test, ticketing, tokenizer, tools, vuex
        """
    ),
    "linguist": _phrases(
        """
        apache, asp, autoconf, bash, cake, cakescript, commit, conf, console, cucumber, delphi, django, emacs,
        email, envrc, flex, hash, help, ignore, inc, java server page, latex, mail, make, man, mathematica, node,
        octave, opentofu, progress, py, ragel ruby, rake, raw, rb, rss, sh, shell script, squeak, sum, sums,
        terraform, ts, vim, visual basic, wolfram, wsdl, xsd, zsh
        """
    ),
    "onet": frozenset(),
}

# Surface forms never matched by the extractor, whatever a source says (generic words and phrases).
STOP_ALIASES: frozenset[str] = _phrases(
    """
    access, accessibility, accounting software, agriculture, algorithm, amazon, amd, analysis, analytics, animation,
    api, apis, app, apple, application, applications, apps, art, audio, authentication, authorization, automation,
    awesome, awesome lists, backup, barcode, biology, bitcoin, blockchain, bot, bots, brave, business software,
    calendar, chemistry, chrome, cisco, climate change, cloud, code, communication, community, compiler, computer,
    configuration, content, coursera, covid 19, crawler, cryptocurrency, csv, dark mode, dashboard, data, database,
    databases, dataset, datasets, dell, demo, dependency management, deployment, design, desktop, development,
    digital, discord, documentation, documentation generator, e mail, economics, edge, education, electronics,
    email, emoji, emulator, engineering, ethereum, example, excel, facebook, finance, firefox, firmware, first,
    font, fonts, forecast, framework, frameworks, game, games, generator, geography, google, hacktoberfest,
    hardware, health, history, hp, ibm, image, images, innovation, instagram, integration, intel, interface,
    internet, internet explorer, json lines, language, languages, law, leadership, legal, library, linkedin,
    logging, low code, management, map, maps, marketing, math, mathematics, media, medicine, microsoft, migration,
    mobile, mobile phone, monitoring, mozilla, music, nasa, netflix, network, neuroscience, nft, nintendo, no code,
    nvidia, office, open source, opera, operating system, operating systems, operations, optimization, oracle,
    package manager, parser, parsing, payroll software, pdf, performance, photo, photos, physics, pinterest,
    platform, platforms, playstation, portfolio, presentation, presentations, privacy, product, products,
    programming, project, project management software, projects, protocol, publishing, qr code, quality, reading,
    recovery, reddit, report, reporting, reports, research, robotics, safari, sales, samsung, sap, satellite,
    science, script, scripting, security, self hosted, sensors, server, service, services, shell, simulation,
    simulator, skype, smartphone, snapchat, social media, software, solution, solutions, sony, sports, spotify,
    spreadsheet, spreadsheets, stack overflow, standards, statistics software, steam, storage, support, system,
    systems, tax software, teams, teamwork, telegram, template, terminal, testing, text, tiktok, time management, to
    do, tool, tools, translation, tutorial, twitter, video, web, web browser, whatsapp, windows, word, word
    processing, word processing software, writing, xbox, youtube
    """
)

# Category for O*NET UNSPSC commodities (rows whose commodity is absent here keep "tool").
ONET_COMMODITY_CATEGORY: dict[str, str] = {
    "Object or component oriented development software": "language",
    "Development environment software": "tool",
    "Web platform development software": "framework",
    "Data base management system software": "database",
    "Data base user interface and query software": "database",
    "Object oriented data base management software": "database",
    "Operating system software": "os",
    "Network operation system software": "os",
    "Analytical or scientific software": "data",
    "Business intelligence and data analysis software": "data",
    "Data mining software": "data",
    "Data base reporting software": "data",
    "Program testing software": "testing",
    "Configuration management software": "devops",
    "Application server software": "devops",
    "Cloud-based management software": "cloud",
    "Cloud-based data access and sharing software": "cloud",
    "Network monitoring software": "devops",
    "Enterprise system management software": "devops",
    "Transaction security and virus protection software": "security",
    "Network security or virtual private network VPN management software": "security",
    "Network security and virtual private network VPN equipment software": "security",
    "Authentication server software": "security",
    "Computer aided design CAD software": "design",
    "Computer aided manufacturing CAM software": "design",
    "Graphics or photo imaging software": "design",
    "Video creation and editing software": "design",
    "Music or sound editing software": "design",
    "Desktop publishing software": "design",
    "Web page creation and editing software": "design",
    "Spreadsheet software": "office",
    "Word processing software": "office",
    "Presentation software": "office",
    "Office suite software": "office",
    "Electronic mail software": "office",
    "Calendar and scheduling software": "office",
    "Enterprise resource planning ERP software": "business",
    "Customer relationship management CRM software": "business",
    "Accounting software": "business",
    "Financial analysis software": "business",
    "Human resources software": "business",
    "Project management software": "business",
    "Materials requirements planning logistics and supply chain software": "business",
    "Inventory management software": "business",
    "Point of sale POS software": "business",
    "Tax preparation software": "business",
    "Time accounting software": "business",
    "Procurement software": "business",
    "Sales and marketing software": "business",
    "Medical software": "business",
    "Map creation software": "data",
    "Geographic information system": "data",
    "Industrial control software": "hardware",
    "Enterprise application integration software": "tool",
}

# Explore topics (slug) that are skills, with their category: the file has no categories, and most topics are
# games, communities or concepts. Topics joined to a curated, linguist or O*NET entry are categorised there.
EXPLORE_CATEGORY: dict[str, str] = dict(
    pair.split(":")
    for pair in _words(
        """
    algolia:tool ansible:devops antlr:tool apollo-server:library appwrite:cloud astro:framework atom:tool
    aurelia:framework auth0:security avalonia:framework babel:tool behavior-driven-development:methodology
    bevy:framework bitbucket:tool bulma:library bun:tool chai:testing chaos-engineering:devops circleci:devops
    codeception:testing composer:tool conan:tool contentful:platform cuda:language cypress:testing dataops:data
    deno:framework docker:devops eleventy:framework elasticsearch:database electron:framework emacs:tool eslint:tool
    expo:framework fastapi:framework fastify:framework feathers:framework firebase:database flask:framework
    flutter:framework gatsby:framework gin:framework graphql:language grafana:devops hadoop:data heroku:cloud
    homebrew:tool hugo:framework ionic:framework jekyll:framework jenkins:devops jquery:library
    jupyter-notebook:tool kafka:data kotlin:language kubernetes:devops laravel:framework mongodb:database
    mongoose:library mysql:database neo4j:database nestjs:framework netlify:cloud nextjs:framework nginx:tool
    nodejs:framework npm:tool nuxt:framework opencv:library openshift:devops pandas:library phpunit:testing
    playwright:testing postcss:tool postgresql:database postman:tool prettier:tool puppeteer:testing pytorch:library
    qt:framework quarkus:framework rails:framework react:framework react-native:framework redis:database
    redux:library rspec:testing sass:markup scikit-learn:library scipy:library selenium:testing sqlite:database
    storybook:tool streamlit:library supabase:database svelte:framework symfony:framework tailwind:library
    tensorflow:library terraform:devops threejs:library vagrant:devops vercel:cloud vim:tool vue:framework
    webpack:tool xamarin:framework yarn:tool django:framework spring-boot:framework hibernate:framework
    junit:testing jest:testing mocha:testing gradle:tool maven:tool bootstrap:library numpy:library keras:library
    spacy:library matplotlib:library plotly:library sqlalchemy:library prisma:library sequelize:library
    typeorm:library socket-io:library rabbitmq:tool vuetify:library angular-material:library material-design:design
    ant-design:library chakra-ui:library styled-components:library storybook-addon:tool github-actions:devops
    gitlab:tool github:tool git:tool vscode:tool visual-studio-code:tool intellij-idea:tool android-studio:tool
    pycharm:tool xcode:tool neovim:tool sublime-text:tool unity:tool unreal-engine:tool godot:tool blender:design
    figma:design sketch:design wordpress:platform drupal:platform joomla:platform magento:platform shopify:platform
    woocommerce:platform strapi:platform ghost:platform sitecore:platform umbraco:platform prestashop:platform
    moodle:platform arduino:hardware raspberry-pi:hardware esp32:hardware esp8266:hardware platformio:tool
    ros:framework opengl:library vulkan:library directx:library webgl:library webrtc:library websocket:methodology
    oauth:security jwt:security openid-connect:security owasp:security metasploit:security wireshark:security
    nmap:security burp-suite:security kali-linux:security ubuntu:os debian:os fedora:os centos:os arch-linux:os
    freebsd:os linux:os macos:os windows:os android:mobile ios:mobile swiftui:framework jetpack-compose:framework
    serverless:cloud aws:cloud azure:cloud google-cloud:cloud cloudflare:cloud digitalocean:cloud openstack:cloud
    istio:devops helm:devops prometheus:devops argo:devops pulumi:devops packer:devops consul:devops vault:security
    nomad:devops podman:devops airflow:data apache-spark:data spark:data flink:data dbt:data databricks:data
    snowflake:data bigquery:database cassandra:database couchdb:database dynamodb:database mariadb:database
    cockroachdb:database clickhouse:database influxdb:database timescaledb:database sql-server:database
    oracle-database:database nosql:database database:database sql:language machine-learning:ai deep-learning:ai
    nlp:ai computer-vision:ai reinforcement-learning:ai artificial-intelligence:ai generative-ai:ai llm:ai
    langchain:library huggingface:library transformers:library mlops:devops data-science:data data-analysis:data
    data-visualization:data data-structures:knowledge algorithm:knowledge bioinformatics:knowledge
    computer-science:knowledge software-engineering:knowledge devops:methodology agile:methodology scrum:methodology
    ci:devops continuous-delivery:devops continuous-deployment:devops ci-cd:devops
    test-driven-development:methodology domain-driven-design:methodology microservices:methodology
    rest-api:methodology oop:methodology functional-programming:methodology mvc:methodology orm:methodology dom:web
    ajax:methodology pwa:methodology spa:methodology server-side-rendering:methodology responsive-design:design
    accessibility:design user-interface-design:design ux:design seo:business unit-testing:testing
    test-automation:testing code-review:methodology code-quality:methodology sre:devops
    infrastructure-as-code:devops cybersecurity:security cryptography:security penetration-testing:security
    reverse-engineering:security internet-of-things:hardware iot:hardware embedded:hardware fpga:hardware
    robotics:knowledge web-components:web webassembly:language jamstack:web json:markup yaml:markup xml:markup
    html:markup css:markup markdown:markup latex:markup regex:knowledge bash:language shell:language
    powershell:language nix:devops elixir:language phoenix-framework:framework ecto:library erlang:language
    haskell:language ocaml:language fsharp:language clojure:language scala:language akka:framework
    play-framework:framework spring:framework micronaut:framework vertx:framework dotnet:framework aspnet:framework
    blazor:framework entity-framework:framework wpf:framework winforms:framework maui:framework
    codeigniter:framework cakephp:framework yii:framework slim:framework express:framework koa:framework
    hapi:framework meteor:framework ember:framework backbonejs:framework preact:framework solidjs:framework
    remix:framework stimulus:framework alpinejs:framework htmx:library lit:library mobx:library rxjs:library
    lodash:library d3:library chartjs:library leaflet:library mapbox:library gsap:library framer-motion:library
    vite:tool rollup:tool esbuild:tool parcel:tool gulp:tool grunt:tool lerna:tool nx:tool turborepo:tool pnpm:tool
    pip:tool poetry:tool conda:tool anaconda:tool cargo:tool cmake:tool bazel:tool meson:tool ninja:tool nuget:tool
    chocolatey:tool jira:tool confluence:tool trello:tool notion:tool slack:tool zoom:tool obsidian:tool logseq:tool
    sentry:devops datadog:devops new-relic:devops elk:devops kibana:devops logstash:devops fluentd:devops
    jaeger:devops opentelemetry:devops zipkin:devops grpc:framework protobuf:markup thrift:framework mqtt:networking
    zeromq:library nats:tool pulsar:data beam:data dask:library ray:library polars:library xgboost:library
    lightgbm:library mlflow:tool kubeflow:tool jax:library openai:ai chatgpt:ai stable-diffusion:ai ollama:ai rag:ai
    prompt-engineering:ai vector-database:database pinecone:database milvus:database qdrant:database
    weaviate:database chromadb:database faiss:library solidity:language web3:web truffle:tool hardhat:tool
    ethers:library gis:data qgis:data arcgis:data openstreetmap:data postgis:database r:language julia:language
    matlab:language stata:language sas:language spss:data tableau:data power-bi:data looker:data metabase:data
    superset:data excel:office google-sheets:office vba:language
    """
    )
)

# ESCO broader concept (substring of `broaderConceptPT`) -> category, first match wins.
ESCO_BROADER_CATEGORY: list[tuple[str, str]] = [
    ("computer programming", "language"),
    ("query languages", "language"),
    ("web programming", "language"),
    ("database management systems", "database"),
    ("penetration testing tool", "security"),
    ("tools for software configuration management", "devops"),
    ("integrated development environment", "tool"),
    ("data extraction, transformation and loading", "data"),
    ("learning management systems", "platform"),
    ("digital game creation systems", "tool"),
    ("graphics editor software", "design"),
    ("ict project management methodologies", "methodology"),
]

# Ordinary English words, drafted from a word-frequency list over the words of the sources' names and read through
# by hand. A source may not add one of them alone as an alias (an entry named only by one is left out), and a
# source name made only of them ("After the Deadline", "Restaurant Manager") is kept for `canonical()` but never
# matched. Curated entries are not affected: they carry their own gates.
COMMON_WORDS: frozenset[str] = _words(_read("common_words.txt"))
