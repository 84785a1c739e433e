# ruff: noqa: E501  (data: one skill per line, however long its alias list)
"""Hand curation of the skills taxonomy (data; compiled with the four sources by `app.skills.build`).

`CORE` lists the skills we name ourselves, one per line: `Canonical | category | aliases`. An alias is matched
case-insensitively anywhere unless it carries a marker:

    =Form   case-sensitive: counts as written ("Oracle", "SAP"); another casing only inside a list of skills
    ~Form   ambiguous word: counts only as written *and* with context (a list of skills, "experience with …",
            "… programming", a skills label); "Go", "R", "Swift", "Spring", "Express"
    ~~Form  as ~Form, but a lower-case form also counts inside a list with an unambiguous skill ("word, excel")
    ^form   canonical-only: `Taxonomy.canonical` maps it, the extractor never looks for it

The canonical name itself is an alias with no marker unless the alias list repeats it with one.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """A blank-separated list of words."""
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[str]:
    """A comma-separated list of phrases."""
    return frozenset(p.strip() for p in text.split(",") if p.strip())


CORE = r"""
# ---- programming languages ------------------------------------------------------------------------------
Python | language | python3, python 3, python2, cpython, ^py
Java | language | core java, java se, java ee, j2se, j2ee, jee, jdk, ^jvm, java 8, java8, java 11, java 17
JavaScript | language | ecmascript, es6, es2015, vanilla js, vanilla javascript, java script, =JS
TypeScript | language | ^ts
Go | language | ~~Go, golang, go lang, go language, go programming
Rust | language | ~Rust, rust lang, rustlang, rust language
C | language | ~C, c language, c programming, ansi c, c99, c11, embedded c
C++ | language | cpp, cplusplus, c plus plus, c++11, c++14, c++17, c++20, modern c++, stl
C# | language | csharp, c sharp, c-sharp, visual c#
F# | language | fsharp, f sharp
Objective-C | language | objective c, objc, obj c
Swift | language | ~Swift, swift language, swift programming, swift 5
Kotlin | language | kotlin language
Scala | language | scala language
Ruby | language | =Ruby, ruby language, ruby programming
PHP | language | php5, php7, php8
Perl | language | =Perl, perl5, perl scripting
R | language | ~R, r language, r programming, rstudio, r studio, =RStudio
Julia | language | ~Julia, julia language
MATLAB | language | matlab, =Matlab, octave, gnu octave, mathworks matlab, the mathworks matlab
Dart | language | ~Dart, dart language
Elixir | language | =Elixir, elixir language
Erlang | language | erlang otp
Haskell | language | haskell language
Clojure | language | clojurescript
Lua | language | =Lua, lua scripting
Groovy | language | =Groovy, apache groovy
Visual Basic | language | vb, =VB, vb6, visual basic 6, vb net, vb.net, visual basic .net, visual basic net
VBA | language | visual basic for applications, excel vba, ms vba, microsoft visual basic for applications
VBScript | language | vb script
COBOL | language | =COBOL, =Cobol, cobol programming
Fortran | language | =FORTRAN, =Fortran, fortran 77, fortran 90
Pascal | language | ~Pascal, object pascal, turbo pascal
Delphi | language | ~Delphi, embarcadero delphi, borland delphi
Assembly | language | ~Assembly, assembly language, =ASM, x86 assembly, arm assembly, assembly programming
Bash | language | =Bash, =BASH, bash scripting, bash script, bash shell
Shell Scripting | language | shell scripting, shell script, shell scripts, unix shell, unix shell scripting, linux shell scripting, ~Shell, ksh, korn shell, csh, zsh, sh scripting
PowerShell | language | powershell scripting, windows powershell, microsoft powershell
SQL | language | structured query language, ansi sql, sql queries, sql programming
T-SQL | language | tsql, transact sql, transact-sql
PL/SQL | language | plsql, pl sql, oracle pl/sql, oracle pl sql
PL/pgSQL | language | plpgsql
Solidity | language | solidity language
Apex | language | ~Apex, salesforce apex
ABAP | language | sap abap, abap objects
Prolog | language | =Prolog
Lisp | language | =Lisp, =LISP, common lisp, emacs lisp
Scheme | language | ~Scheme
Smalltalk | language | squeak
OCaml | language | ocaml language
Zig | language | =Zig, zig language
Nim | language | =Nim
Crystal | language | ~Crystal
Elm | language | ~Elm, elm language
ActionScript | language | action script, actionscript 3, as3
CoffeeScript | language | coffee script
Tcl | language | =Tcl, =TCL, tool command language
Verilog | language | systemverilog, system verilog
VHDL | language | vhdl programming
Ada | language | ~Ada, ada programming, ada language
LabVIEW | language | labview, national instruments labview, ni labview
SAS | language | =SAS, sas programming, sas base, base sas, sas enterprise guide, sas eg
Stata | language | =Stata, statacorp stata
GAMS | language | =GAMS
Mathematica | language | wolfram mathematica, wolfram language
XSLT | language | xsl, xsl fo, xslt 2
XQuery | language | =XQuery
XPath | language | xpath
Cypher | language | =Cypher, cypher query language
HiveQL | language | hive ql, hql
GraphQL | language | graph ql, graphql api
WebAssembly | language | wasm
CUDA | language | =CUDA, cuda programming, nvidia cuda
OpenCL | language | opencl
GLSL | language | glsl
# ---- markup, formats, protocols ---------------------------------------------------------------------------
HTML | markup | html5, html 5, xhtml, dhtml, hypertext markup language, hypertext markup language html
CSS | markup | css3, css 3, cascading style sheets, cascading style sheets css
Sass | markup | =Sass, scss
Less | markup | ~Less, less css
XML | markup | extensible markup language, extensible markup language xml, xsd, xml schema, dtd
JSON | markup | javascript object notation, javascript object notation json, json schema
YAML | markup | yml
Markdown | markup | =Markdown
LaTeX | markup | =LaTeX, =LATEX, =TeX
UML | methodology | unified modeling language, unified modelling language, uml diagrams
BPMN | methodology | business process model and notation
REST | methodology | =REST, rest api, rest apis, restful, restful api, restful apis, restful services, restful web services, rest services, rest web services, restful api design
SOAP | methodology | =SOAP, soap web services, soap api, soap services
gRPC | framework | grpc
Protocol Buffers | markup | protobuf, protocol buffer, protobufs
WebSockets | methodology | websocket, web sockets, web socket, socket.io, socket io
HTTP | networking | =HTTP, http 2, https
TCP/IP | networking | tcp ip, tcp, =TCP, udp, =UDP
DNS | networking | =DNS, domain name system
OAuth | security | oauth2, oauth 2, oauth 2.0, openid connect, oidc
SAML | security | =SAML, security assertion markup language
LDAP | security | =LDAP, active directory ldap
SSO | security | =SSO, single sign on, single sign-on
MQTT | networking | =MQTT
Web Services | methodology | web services, web service, wsdl
Microservices | methodology | microservice, micro services, micro-services, microservices architecture, microservice architecture
Event-Driven Architecture | methodology | event driven architecture, event-driven, event sourcing, cqrs
Serverless | cloud | serverless architecture, serverless computing, faas
# ---- web and application frameworks ---------------------------------------------------------------------
React | framework | =React, react js, reactjs, react.js, react hooks
React Native | framework | react native, reactnative
Angular | framework | angular 2, angular2, angular 14, angular framework, angular cli
AngularJS | framework | angularjs, angular js, angular 1
Vue.js | framework | vue, vuejs, vue js, vue 3, vue3, vue 2
Nuxt.js | framework | nuxt, nuxtjs, nuxt js
Next.js | framework | nextjs, next js, ~Next
Svelte | framework | sveltekit, svelte kit
Ember.js | framework | emberjs, ember js, ~Ember
Backbone.js | framework | backbonejs, backbone js, ~Backbone
jQuery | library | jquery, jquery ui
Redux | library | redux toolkit, =Redux, react redux, redux saga
Node.js | framework | nodejs, node js, ~Node
Express | framework | ~Express, expressjs, express js, express.js
NestJS | framework | nest js, nestjs, nest.js
Deno | framework | =Deno
Django | framework | django rest framework, drf, django framework
Flask | framework | =Flask, flask framework, python flask
FastAPI | framework | fast api, fastapi
Spring | framework | ~~Spring, spring framework, springframework, spring mvc, spring core, spring security, spring data, spring cloud, spring batch, spring integration
Spring Boot | framework | springboot, spring boot, spring-boot
Hibernate | framework | hibernate orm, =Hibernate, jpa, java persistence api
Struts | framework | apache struts, struts2, struts 2, =Struts
JSP | framework | java server pages, javaserver pages, jsp pages
Servlets | framework | servlet, java servlets, java servlet
JSF | framework | =JSF, javaserver faces, java server faces, primefaces
EJB | framework | =EJB, enterprise java beans, enterprise javabeans
JDBC | framework | =JDBC
JMS | framework | =JMS, java message service
JavaFX | framework | javafx, java fx
Swing | framework | java swing, ~Swing
GWT | framework | =GWT, google web toolkit
Vaadin | framework | vaadin
Play Framework | framework | play framework, playframework
Micronaut | framework | micronaut
Quarkus | framework | quarkus
Ruby on Rails | framework | ruby on rails, =RoR, =Rails, rails framework
Laravel | framework | laravel framework
Symfony | framework | symfony framework
CodeIgniter | framework | codeigniter
Zend Framework | framework | zend, laminas
CakePHP | framework | cakephp, cake php
Yii | framework | yii2, yii framework
ASP.NET | framework | asp.net, asp net, aspnet, asp.net mvc, asp net mvc, asp.net web api, web api, asp.net webforms, web forms, webforms, microsoft asp.net
ASP.NET Core | framework | asp.net core, asp net core, aspnet core
.NET | framework | dotnet, dot net, .net framework, .net core, .net 6, .net 8, microsoft .net, microsoft .net framework, =.Net, net framework, net core, ^net
Classic ASP | framework | classic asp, active server pages, microsoft active server pages, microsoft active server pages asp, =ASP
ADO.NET | framework | ado.net, ado net
Entity Framework | framework | entity framework, entity framework core, ef core
LINQ | framework | =LINQ, linq to sql
WPF | framework | =WPF, windows presentation foundation
WCF | framework | =WCF, windows communication foundation
WinForms | framework | winforms, windows forms
Xamarin | framework | xamarin forms, xamarin.forms
Blazor | framework | blazor
Flutter | framework | =Flutter, flutter sdk
Ionic | framework | ~Ionic, ionic framework
Cordova | framework | apache cordova, phonegap
Electron | framework | ~Electron, electronjs, electron js
Qt | framework | =Qt, qt framework, qt5, qt6, qml
MFC | framework | =MFC, microsoft foundation classes
Unity | tool | ~Unity, unity3d, unity 3d, unity engine, unity technologies unity, unity game engine
Unreal Engine | tool | unreal engine, ue4, ue5, unreal technology unreal engine, unreal, unreal engine 4, unreal engine 5
Godot | tool | godot engine, =Godot
Bootstrap | library | =Bootstrap, twitter bootstrap, bootstrap 4, bootstrap 5
Tailwind CSS | library | tailwind, tailwindcss
Material UI | library | material ui, mui, material-ui, angular material
Webpack | tool | webpack
Vite | tool | =Vite, vitejs, vite js
Babel | tool | =Babel, babeljs
npm | tool | =npm, =NPM
Yarn | tool | =Yarn
Gulp | tool | =Gulp, gulp js
Grunt | tool | =Grunt
RxJS | library | rxjs, reactive extensions
Three.js | library | threejs, three js
D3.js | library | d3.js, d3js, d3 js, ~D3
Chart.js | library | chartjs, chart js
AJAX | methodology | =AJAX, =Ajax, asynchronous javascript and xml
Apollo GraphQL | library | apollo client, apollo server, apollo graphql
Storybook | tool | =Storybook
Gatsby | framework | =Gatsby, gatsbyjs, gatsby js
Thymeleaf | library | thymeleaf
Jinja | library | jinja2
Celery | tool | =Celery
SQLAlchemy | library | sqlalchemy
Pydantic | library | pydantic
Log4j | library | log4j, log4net, slf4j, logback
# ---- data, ML and AI libraries ----------------------------------------------------------------------------
pandas | library | pandas, =Pandas
NumPy | library | numpy
SciPy | library | scipy
scikit-learn | library | sklearn, scikit learn, scikit
TensorFlow | library | tensorflow, tensor flow, tensorflow 2, tf.keras
Keras | library | keras
PyTorch | library | pytorch, =Torch
Hugging Face | library | huggingface, hugging face transformers, huggingface transformers
XGBoost | library | xgboost
OpenCV | library | opencv, open cv
spaCy | library | spacy
NLTK | library | nltk
Matplotlib | library | matplotlib
Jupyter | tool | jupyter notebook, jupyter notebooks, jupyterlab, ipython
LangChain | library | langchain
MLflow | tool | mlflow
Apache Spark | data | =Spark, pyspark, spark sql, spark streaming, apache spark, sparksql
Hadoop | data | apache hadoop, hdfs, mapreduce, map reduce, =Hadoop
Apache Hive | data | =Hive, apache hive
Apache Pig | data | apache pig, pig latin
HBase | database | hbase, apache hbase
Apache Kafka | data | kafka, =Kafka, apache kafka, kafka streams
Apache Flink | data | flink, apache flink
Apache Airflow | data | =Airflow, apache airflow
Apache Beam | data | apache beam
Apache NiFi | data | nifi, apache nifi
Apache Storm | data | apache storm
Databricks | data | databricks, azure databricks
Snowflake | data | =Snowflake, snowflake db, snowflake data warehouse
dbt | data | =dbt, data build tool
Informatica | data | informatica, informatica powercenter, powercenter
Talend | data | talend
SSIS | data | =SSIS, sql server integration services, microsoft sql server integration services ssis
SSRS | data | =SSRS, sql server reporting services, microsoft sql server reporting services ssrs
SSAS | data | =SSAS, sql server analysis services
IBM DataStage | data | datastage, ibm infosphere datastage
Ab Initio | data | ab initio
Alteryx | data | alteryx
Tableau | data | tableau, tableau desktop, tableau server
Power BI | data | power bi, powerbi, microsoft power bi, power bi desktop
Looker | data | =Looker, looker ml, lookml
Qlik | data | qlikview, qlik sense, qlik
Cognos | data | ibm cognos, cognos
SAP BusinessObjects | data | business objects, businessobjects, sap bo, =BO
MicroStrategy | data | microstrategy
Crystal Reports | data | crystal reports, crystal report
SPSS | data | =SPSS, ibm spss, ibm spss statistics, spss statistics
Minitab | data | minitab
Microsoft Excel | office | ~~Excel, ms excel, microsoft excel, ms-excel, advanced excel, excel vlookup, excel pivot tables, pivot tables, vlookup
ETL | data | =ETL, etl pipelines, etl processes, extract transform load, elt
Data Warehousing | data | data warehouse, data warehousing, data warehouses, =DWH, enterprise data warehouse, dimensional modeling, star schema
Data Modeling | practice | data modeling, data modelling, data models
Data Lake | data | data lake, data lakes, lakehouse, data lakehouse
Big Data | data | big data, big data technologies
Data Analysis | practice | data analysis, data analytics, data analyst skills, analyzing data, analysing data
Data Visualization | practice | data visualization, data visualisation
Data Science | data | data science
Data Engineering | data | data engineering, data pipelines, data pipeline
Data Mining | practice | data mining
Statistics | knowledge | statistics, statistical analysis, statistical modeling, statistical modelling, biostatistics
Machine Learning | ai | machine learning, =ML, ml models, machine learning models, supervised learning, unsupervised learning
Deep Learning | ai | deep learning, neural networks, neural network, deep neural networks, cnn, rnn, lstm
Artificial Intelligence | ai | artificial intelligence, =AI, ai ml, ai/ml
Natural Language Processing | ai | natural language processing, =NLP, nlp, text mining
Computer Vision | ai | computer vision, image recognition, image processing
Large Language Model | ai | large language models, large language model, =LLM, =LLMs, llms
Reinforcement Learning | ai | reinforcement learning
MLOps | devops | mlops, ml ops
# ---- databases --------------------------------------------------------------------------------------------
PostgreSQL | database | postgres, postgresql, postgre sql, postgre, psql, pgsql
MySQL | database | mysql, my sql
MariaDB | database | mariadb
SQLite | database | sqlite, sqlite3
Microsoft SQL Server | database | sql server, ms sql, mssql, ms sql server, mssql server, microsoft sql server, sqlserver, sql server 2008, sql server 2012, sql server 2016
Oracle Database | database | =Oracle, oracle database, oracle db, oracle rdbms, oracle 10g, oracle 11g, oracle 12c, oracle 19c, oracle 9i, oracle sql
MongoDB | database | mongodb, mongo, mongo db, =Mongo
Redis | database | redis, =Redis, redis cache
Cassandra | database | =Cassandra, apache cassandra
Elasticsearch | database | elastic search, elasticsearch
DynamoDB | database | dynamodb, dynamo db, amazon dynamodb
Couchbase | database | couchbase, couchdb
Neo4j | database | neo4j
IBM Db2 | database | db2, ibm db2, =DB2, udb
Teradata | database | teradata, teradata database
Sybase | database | sybase, sybase ase
Informix | database | informix, ibm informix
Microsoft Access | database | ~~Access, ms access, microsoft access, msaccess
FileMaker | database | filemaker, filemaker pro
Firebase | database | firebase, firestore
Supabase | database | supabase
Memcached | database | memcached
InfluxDB | database | influxdb
ClickHouse | database | clickhouse
CockroachDB | database | cockroachdb
Amazon Redshift | database | redshift, amazon redshift, aws redshift
BigQuery | database | bigquery, big query, google bigquery
Azure Cosmos DB | database | cosmos db, cosmosdb, azure cosmos db, azure cosmosdb
NoSQL | database | nosql, no sql, nosql databases
RDBMS | database | =RDBMS, relational databases, relational database, relational database management systems
Database Design | practice | database design, database administration, =DBA, database management, database development, query optimization
SQL*Plus | tool | sqlplus, sql plus, sql*plus, sql loader, sql*loader
Toad | tool | =Toad, =TOAD, toad for oracle
Oracle SQL Developer | tool | sql developer, oracle sql developer
# ---- cloud ------------------------------------------------------------------------------------------------
AWS | cloud | =AWS, amazon web services, amazon web services aws, amazon web services aws software, amazon aws, aws cloud
Microsoft Azure | cloud | azure, =Azure, ms azure, microsoft azure, microsoft azure software, azure cloud
Google Cloud | cloud | google cloud platform, =GCP, gcp, google cloud, gcloud
AWS Lambda | cloud | aws lambda, lambda functions, =Lambda
Amazon EC2 | cloud | ec2, aws ec2, amazon ec2, amazon elastic compute cloud, amazon elastic compute cloud ec2
Amazon S3 | cloud | s3, aws s3, amazon s3, amazon simple storage service, amazon simple storage service s3
AWS CloudFormation | devops | cloudformation, aws cloudformation, amazon web services aws cloudformation
Amazon ECS | cloud | ecs, =ECS, aws ecs, amazon ecs
Amazon EKS | cloud | eks, aws eks, amazon eks
Amazon SQS | cloud | sqs, aws sqs, amazon sqs
Amazon RDS | cloud | rds, =RDS, aws rds, amazon rds
AWS Glue | cloud | aws glue
Amazon SageMaker | ai | sagemaker, aws sagemaker
Azure Functions | cloud | azure functions
Azure Data Factory | data | azure data factory, =ADF
Azure Synapse | data | azure synapse, synapse analytics
Google Kubernetes Engine | cloud | gke, google kubernetes engine
Heroku | cloud | heroku
DigitalOcean | cloud | digitalocean, digital ocean
Cloudflare | cloud | cloudflare
Vercel | cloud | vercel
Netlify | cloud | netlify
OpenStack | cloud | openstack
Cloud Computing | cloud | cloud computing, cloud platforms, cloud services, cloud infrastructure, cloud native, cloud-native, cloud architecture
Salesforce | business | salesforce, =SFDC, salesforce crm, salesforce.com, salesforce software, salesforce lightning, visualforce
# ---- devops, infrastructure, tools --------------------------------------------------------------------------
Docker | devops | docker, =Docker, docker compose, docker-compose, docker containers, dockerfile, dockerfiles
Kubernetes | devops | kubernetes, k8s, kubectl, kubernetes k8s
OpenShift | devops | openshift, red hat openshift
Helm | devops | =Helm, helm charts
Terraform | devops | terraform, hashicorp terraform, ibm terraform, =Terraform
Ansible | devops | ansible, ansible software, =Ansible
Puppet | devops | ~Puppet, puppet labs, puppet enterprise
Chef | devops | ~Chef, chef infra, opscode chef
SaltStack | devops | saltstack, salt stack
Vagrant | devops | =Vagrant
HashiCorp Packer | devops | hashicorp packer
Jenkins | devops | jenkins, jenkins ci, =Jenkins, jenkins pipelines
GitLab CI | devops | gitlab ci, gitlab ci cd, gitlab-ci
GitHub Actions | devops | github actions
CircleCI | devops | circleci, circle ci
Travis CI | devops | travis ci, travisci
TeamCity | devops | teamcity
Bamboo | devops | atlassian bamboo, =Bamboo
Argo CD | devops | argocd, argo cd, =Argo
CI/CD | devops | ci cd, cicd, ci/cd, ci cd pipelines, ci/cd pipelines, continuous integration, continuous delivery, continuous deployment, continuous integration and delivery, continuous integration continuous deployment
DevOps | methodology | devops, dev ops, devsecops
Site Reliability Engineering | devops | site reliability engineering, =SRE
Infrastructure as Code | devops | infrastructure as code, =IaC
Prometheus | devops | =Prometheus, prometheus monitoring
Grafana | devops | grafana
Datadog | devops | datadog
New Relic | devops | new relic, newrelic
Dynatrace | devops | dynatrace
AppDynamics | devops | appdynamics
Splunk | devops | splunk, splunk enterprise
Nagios | devops | nagios
Zabbix | devops | zabbix
Nginx | tool | nginx
Apache HTTP Server | tool | =Apache, apache http server, apache web server, apache httpd, httpd, apache2
Apache Tomcat | tool | tomcat, =Tomcat, apache tomcat
JBoss | tool | jboss, wildfly, red hat wildfly
WebLogic | tool | weblogic, oracle weblogic, oracle weblogic server, web logic
WebSphere | tool | websphere, ibm websphere, websphere application server, =WAS
IIS | tool | =IIS, internet information services, microsoft iis
RabbitMQ | tool | rabbitmq, rabbit mq, amqp
ActiveMQ | tool | activemq, apache activemq
IBM MQ | tool | ibm mq, websphere mq, ibm websphere mq, =MQSeries
MuleSoft | tool | mulesoft, mule esb, anypoint studio, mulesoft anypoint, mulesoft software
Apache Camel | tool | apache camel
Istio | devops | istio, service mesh
HashiCorp Consul | devops | hashicorp consul
HashiCorp Vault | security | hashicorp vault
Git | tool | git version control, git flow, gitflow
GitHub | tool | github, git hub
GitLab | tool | gitlab, git lab
Bitbucket | tool | bitbucket, atlassian bitbucket
Subversion | tool | subversion, =SVN, svn, apache subversion, apache subversion svn, tortoisesvn
CVS | tool | ~CVS, concurrent versions system
Mercurial | tool | =Mercurial
Perforce | tool | perforce, perforce helix
ClearCase | tool | clearcase, rational clearcase, ibm clearcase
TFS | tool | =TFS, team foundation server, microsoft team foundation server
Azure DevOps | devops | azure devops, =VSTS, microsoft azure devops services
Visual SourceSafe | tool | visual sourcesafe, visual source safe, vss, microsoft visual source safe
Maven | tool | =Maven, apache maven
Gradle | tool | gradle
Ant | tool | ~Ant, =ANT, apache ant
Make | tool | ~Make, makefile, makefiles, gnu make
CMake | tool | cmake
JIRA | tool | jira, =Jira, =JIRA, atlassian jira, jira software
Confluence | tool | =Confluence, atlassian confluence
Trello | tool | trello
Asana | tool | =Asana
Monday.com | tool | monday.com
Notion | tool | =Notion
ServiceNow | tool | servicenow, service now
Zendesk | tool | zendesk
Freshdesk | tool | freshdesk
Slack | tool | =Slack
Microsoft Teams | office | microsoft teams, ms teams, ~Teams
Zoom | tool | ~Zoom
Postman | tool | =Postman
Swagger | tool | =Swagger, openapi, open api, openapi specification
Visual Studio | tool | visual studio, microsoft visual studio, ms visual studio, visual studio 2010, visual studio 2012, visual studio 2015, visual studio 2017, visual studio 2019
Visual Studio Code | tool | visual studio code, vs code, vscode
Eclipse | tool | =Eclipse, eclipse ide, eclipse rcp
IntelliJ IDEA | tool | intellij, intellij idea, jetbrains intellij
PyCharm | tool | pycharm
NetBeans | tool | netbeans
Android Studio | tool | android studio
Xcode | tool | xcode
Vim | tool | =Vim, neovim
Emacs | tool | =Emacs
Sublime Text | tool | sublime text
Dreamweaver | tool | dreamweaver, adobe dreamweaver, macromedia dreamweaver
Adobe Flash | tool | adobe flash, macromedia flash, =Flash, flash actionscript
Adobe Flex | framework | adobe flex, flex builder, flexbuilder, apache flex
FrontPage | tool | frontpage, microsoft frontpage
ColdFusion | language | coldfusion, adobe coldfusion, cfml
Cygwin | tool | cygwin
WinMerge | tool | winmerge
Rational Rose | tool | rational rose, ibm rational rose
Enterprise Architect | tool | sparx enterprise architect
Microsoft Visio | office | visio, microsoft visio, ms visio, =Visio
Lucidchart | tool | lucidchart
# ---- testing ----------------------------------------------------------------------------------------------
Selenium | testing | selenium webdriver, webdriver, selenium grid
Cypress | testing | =Cypress, cypress io, cypress.io
Playwright | testing | =Playwright
Puppeteer | testing | puppeteer
Jest | testing | =Jest, jestjs
Mocha | testing | =Mocha
Jasmine | testing | =Jasmine
JUnit | testing | junit, junit5, junit 5, junit4, junit 4
Mockito | testing | mockito
NUnit | testing | nunit
pytest | testing | pytest, =PyTest, unittest
RSpec | testing | rspec
Cucumber | testing | =Cucumber, cucumber bdd
Robot Framework | testing | robot framework
Appium | testing | appium
JMeter | testing | jmeter, apache jmeter
LoadRunner | testing | loadrunner, load runner, micro focus loadrunner, hp loadrunner
Gatling | testing | =Gatling
QTP | testing | =QTP, quicktest professional, quick test pro, hp qtp, hp uft, =UFT, unified functional testing
WinRunner | testing | winrunner, win runner
HP Quality Center | testing | quality center, hp quality center, hp alm, alm quality center, test director, testdirector, mercury test director
SoapUI | testing | soapui, soap ui, ready api
TestRail | testing | testrail
SonarQube | testing | sonarqube, sonarcloud
Unit Testing | practice | unit testing, unit tests, unit test
Test Automation | practice | test automation, automated testing, automation testing, automated tests, test automation frameworks
Integration Testing | practice | integration testing, integration tests, end to end testing, e2e testing, regression testing
Performance Testing | practice | performance testing, load testing, stress testing
Manual Testing | practice | manual testing, functional testing, black box testing, user acceptance testing, =UAT
Test-Driven Development | methodology | test driven development, test-driven development, =TDD
Behavior-Driven Development | methodology | behavior driven development, behaviour driven development, =BDD
# ---- operating systems and platforms -----------------------------------------------------------------------
Linux | os | linux, =Linux, gnu linux, linux administration, linux os
Unix | os | unix
Windows | os | =Windows, =WINDOWS, microsoft windows, ms windows, windows xp, windows 7, windows 10, windows 11, windows nt, windows 2000, windows vista, windows 95, windows 98
Windows Server | os | windows server, microsoft windows server, windows server 2008, windows server 2012, windows server 2016, windows server 2019
macOS | os | macos, mac os, mac os x, os x, osx, apple macos, mac osx
Ubuntu | os | ubuntu
Red Hat Enterprise Linux | os | =RHEL, rhel, red hat, redhat, red hat linux, red hat enterprise linux
Debian | os | =Debian
SUSE | os | =SUSE, suse linux, opensuse
Solaris | os | solaris, sun solaris, =SunOS
AIX | os | =AIX, ibm aix
HP-UX | os | hp ux, hpux
MS-DOS | os | ms dos, msdos, =DOS
IBM Mainframe | os | z/os, z os, =MVS, mainframe, ibm mainframe, =TSO, =ISPF
JCL | language | =JCL, job control language
CICS | tool | =CICS
iOS | mobile | =iOS, =IOS, ios development, apple ios, ios sdk, =ipadOS
Android | mobile | android, =Android, android sdk, android development, google android
Windows CE | os | windows ce, windows mobile, windows phone
Embedded Linux | os | embedded linux
RTOS | os | =RTOS, real time operating system, real-time operating systems, real time operating systems
Arduino | hardware | arduino
Raspberry Pi | hardware | raspberry pi
FPGA | hardware | =FPGA, fpga design
Embedded Systems | hardware | embedded systems, embedded software, embedded programming, embedded development, firmware development, embedded firmware
Microcontrollers | hardware | microcontroller, microcontrollers, =MCU, pic microcontrollers
Active Directory | security | active directory, microsoft active directory, azure active directory, azure ad, entra id
VMware | devops | vmware, vmware vsphere, vsphere, esxi, vmware esxi, vcenter
Hyper-V | devops | hyper v, hyperv, microsoft hyper-v
VirtualBox | devops | virtualbox, oracle virtualbox
Citrix | devops | =Citrix, citrix xenapp, xenapp, xendesktop
# ---- security -------------------------------------------------------------------------------------------
Cybersecurity | security | cybersecurity, cyber security, information security, infosec, it security, security engineering, network security, application security, =AppSec
Penetration Testing | security | penetration testing, pen testing, pentesting, ethical hacking, vulnerability assessment, vulnerability management
Wireshark | security | wireshark
Nmap | security | nmap
Metasploit | security | metasploit
Burp Suite | security | burp suite, portswigger burp suite
Nessus | security | nessus, tenable nessus
Kali Linux | security | kali linux
SIEM | security | =SIEM, security information and event management
Firewalls | security | firewall, firewalls, firewall management
OWASP | security | owasp, owasp top 10
ISO 27001 | security | iso 27001, iso/iec 27001, =ISMS
PKI | security | =PKI, public key infrastructure, ssl/tls, =SSL, =TLS, ssl certificates, tls certificates
Identity and Access Management | security | =IAM, identity and access management, identity management, access management, privileged access management
Okta | security | okta
CyberArk | security | cyberark
# ---- networking -----------------------------------------------------------------------------------------
Networking | networking | ~~Networking, computer networking, network administration, network engineering, routing and switching, lan wan, =LAN, =WAN, =VLAN, vlans, =VPN, =BGP, =OSPF, =MPLS, =DHCP
Cisco | networking | =Cisco, cisco routers, cisco switches
Juniper | networking | =Juniper, juniper networks
# ---- methodologies and practices --------------------------------------------------------------------------
Agile | methodology | agile, =Agile, agile methodology, agile methodologies, agile development, agile software development, agile project management, agile practices, agile environment
Scrum | methodology | scrum, =Scrum, scrum master, scrum methodology, sprint planning, =CSM
Kanban | methodology | kanban
SAFe | methodology | =SAFe, scaled agile, scaled agile framework
Lean | methodology | ~Lean, lean methodology, lean manufacturing, lean management, lean principles
Six Sigma | methodology | six sigma, lean six sigma, =DMAIC, six sigma green belt, six sigma black belt
Waterfall | methodology | waterfall, =Waterfall, waterfall methodology, waterfall model
ITIL | methodology | =ITIL, itil v3, itil v4, itil framework
PRINCE2 | methodology | prince2, prince 2
PMP | methodology | =PMP, project management professional
Extreme Programming | methodology | extreme programming, pair programming
Domain-Driven Design | methodology | domain driven design, domain-driven design, =DDD
Object-Oriented Programming | methodology | object oriented programming, object-oriented programming, =OOP, =OOPS, object oriented design, object-oriented design, =OOD, object oriented analysis and design, =OOAD, object oriented, object-oriented
Functional Programming | methodology | functional programming
Design Patterns | methodology | design patterns, software design patterns, =SOLID, solid principles, gang of four
MVC | methodology | =MVC, model view controller, model-view-controller, =MVVM
Code Review | methodology | code review, code reviews, peer code review
Version Control | methodology | version control, source control, version control systems, source code management
Software Development Life Cycle | methodology | =SDLC, software development life cycle, software development lifecycle, systems development life cycle
Software Architecture | methodology | software architecture, system design, systems design, solution architecture, distributed systems, scalable systems, high availability
Software Engineering | field | software engineering
Computer Science | field | computer science
Computer Engineering | field | computer engineering
Algorithms | knowledge | algorithms, algorithm design, data structures and algorithms
Data Structures | knowledge | data structures
Multithreading | knowledge | multithreading, multi threading, multi-threading, concurrency, concurrent programming, parallel programming
API Design | practice | api design, api development, apis development, api integration, api integrations
Responsive Design | design | responsive design, responsive web design, mobile first design
Web Accessibility | design | web accessibility, accessibility standards, =WCAG, =a11y, =ARIA
DOM | web | =DOM, document object model, dom manipulation
Code Quality | methodology | code quality, clean code
Single-Page Applications | methodology | single page applications, single-page applications, single page application, =SPA, =SPAs
Progressive Web Apps | methodology | progressive web apps, progressive web app, =PWA
Server-Side Rendering | methodology | server side rendering, server-side rendering, =SSR
Search Engine Optimization | practice | search engine optimization, search engine optimisation, =SEO, seo optimization
Search Engine Marketing | practice | search engine marketing, =SEM, pay per click, =PPC
Digital Marketing | practice | digital marketing, online marketing, internet marketing, performance marketing
Social Media Marketing | practice | social media marketing, social media management, social media strategy
Email Marketing | practice | email marketing, email campaigns
Content Marketing | practice | content marketing, content strategy, copywriting
Google Analytics | business | google analytics, =GA4, universal analytics, google analytics 4
Adobe Analytics | business | adobe analytics, omniture, sitecatalyst
Marketing Automation | business | marketing automation
HubSpot | business | hubspot, hubspot crm, hubspot software
CRM | business | =CRM, customer relationship management, crm software, customer relationship management crm software, dynamics crm, microsoft dynamics crm
ERP | business | =ERP, enterprise resource planning, erp systems, erp software
SAP | business | =SAP, sap erp, sap r/3, sap r3, sap ecc, sap s/4hana, s/4hana, sap fico, sap fi, sap mm, sap sd, sap hana, =HANA, sap software, sap bw, sap crm
Oracle E-Business Suite | business | oracle e business suite, oracle ebs, oracle financials, oracle apps, oracle applications
Oracle PeopleSoft | business | peoplesoft, oracle peoplesoft
Microsoft Dynamics | business | microsoft dynamics, dynamics 365, dynamics ax, dynamics nav, dynamics gp, navision
Workday | business | =Workday, workday hcm, workday software
NetSuite | business | netsuite, oracle netsuite
QuickBooks | business | quickbooks, intuit quickbooks, quickbooks online, quickbooks pro
Xero | business | =Xero
Sage | business | ~Sage, sage 50, sage 100, sage intacct, sage accounting, sage line 50
Tally | business | ~Tally, tally erp, tally erp 9, tally prime
ADP | business | =ADP, adp workforce now
Kronos | business | kronos, kronos workforce timekeeper, ukg
BambooHR | business | bamboohr
Taleo | business | taleo, oracle taleo
Ariba | business | ariba, sap ariba
Coupa | business | =Coupa
Shopify | platform | shopify, shopify software
WordPress | platform | wordpress, word press
Drupal | platform | drupal
Joomla | platform | joomla
Magento | platform | magento, adobe commerce
WooCommerce | platform | woocommerce
SharePoint | platform | sharepoint, share point, microsoft sharepoint, ms sharepoint, sharepoint online
Sitecore | platform | sitecore
Adobe Experience Manager | platform | adobe experience manager, =AEM
Content Management Systems | platform | content management system, content management systems, =CMS, =CMSs
Bloomberg Terminal | business | bloomberg terminal, bloomberg professional
Financial Modeling | practice | financial modeling, financial modelling, financial models, =DCF, discounted cash flow
Accounting | practice | accounting, bookkeeping, accounts payable, accounts receivable, general ledger, financial accounting, management accounting, financial reporting, reconciliations, month end close
GAAP | practice | =GAAP, us gaap, =IFRS
Budgeting | practice | budgeting, budgeting and forecasting, =FP&A, variance analysis
Auditing | practice | auditing, internal audit, external audit, =SOX, sarbanes oxley
Payroll | practice | payroll, payroll processing
Project Management | practice | project management, program management, programme management, project planning, project coordination
Product Management | practice | product management, product roadmap, product roadmaps, product discovery
Business Analysis | practice | business analysis, business analyst skills, business process modeling
Business Intelligence | data | business intelligence, =BI, bi tools, bi reporting
Supply Chain Management | practice | supply chain management, supply chain, =SCM, logistics management, demand planning, inventory management, procurement, purchasing, =MRP
Customer Service | practice | customer service, customer support, client service, customer success
User Experience Design | design | =UX, ux design, ux designer, ux/ui, ui/ux, ux ui, ui ux, user experience design, user research, usability testing, interaction design, wireframing, ^user experience
User Interface Design | design | user interface design, ui design, ui designer, visual design, ^ui, ^user interface
Graphic Design | design | graphic design, graphic designer skills, typography, visual communication
Figma | design | figma
Sketch | design | ~Sketch, sketch app, bohemian sketch
Adobe XD | design | adobe xd
InVision | design | invision, invision app, invision software
Adobe Photoshop | design | photoshop, adobe photoshop
Adobe Illustrator | design | adobe illustrator, =Illustrator
Adobe InDesign | design | indesign, adobe indesign
Adobe Premiere Pro | design | premiere pro, adobe premiere, adobe premiere pro
Adobe After Effects | design | after effects, adobe after effects
Adobe Lightroom | design | lightroom, adobe lightroom, adobe photoshop lightroom
Adobe Acrobat | office | =Acrobat, adobe acrobat, acrobat pro, adobe acrobat pro, adobe reader
Adobe Creative Suite | design | adobe creative suite, adobe creative cloud, creative suite, creative cloud, adobe suite, adobe cs, adobe cc, adobe creative cloud software
Adobe Audition | design | adobe audition
PageMaker | design | pagemaker, adobe pagemaker
CorelDRAW | design | coreldraw, corel draw, corel coreldraw graphics suite
Canva | design | =Canva
Pro Tools | design | pro tools, avid pro tools
Final Cut Pro | design | final cut pro, final cut, apple final cut pro
Avid Media Composer | design | avid media composer, media composer, ~Avid
DaVinci Resolve | design | davinci resolve, da vinci resolve
Blender | design | =Blender, blender 3d
Autodesk Maya | design | autodesk maya, ~Maya
3ds Max | design | 3ds max, 3d studio max, autodesk 3ds max
Cinema 4D | design | cinema 4d, =C4D
AutoCAD | design | autocad, autodesk autocad, auto cad, autocad lt, autocad 2d, autocad 3d
AutoCAD Civil 3D | design | civil 3d, autocad civil 3d, autodesk autocad civil 3d
Revit | design | revit, autodesk revit, revit architecture, revit mep, =BIM, building information modeling
SolidWorks | design | solidworks, solid works, dassault systemes solidworks
CATIA | design | catia, dassault systemes catia
PTC Creo | design | creo, ptc creo, ptc creo parametric, pro/engineer, pro engineer
Autodesk Inventor | design | autodesk inventor, ~Inventor
Fusion 360 | design | fusion 360, autodesk fusion 360
SketchUp | design | sketchup, sketch up, trimble sketchup pro
Rhino | design | ~Rhino, rhinoceros 3d, mcneel rhinoceros 3d, rhino 3d, grasshopper 3d
MicroStation | design | microstation, bentley microstation
ANSYS | design | =ANSYS, =Ansys, ansys simulation software, ansys fluent, ansys workbench
COMSOL | design | comsol, comsol multiphysics
Abaqus | design | abaqus
Simulink | design | simulink, mathworks simulink
ArcGIS | data | arcgis, esri arcgis, arcmap, arcview, arcgis pro, esri arcgis software, esri arcview
QGIS | data | qgis
Geographic Information Systems | data | geographic information systems, geographic information system, =GIS, gis software
Primavera | business | primavera p6, oracle primavera, primavera
Microsoft Project | office | microsoft project, ms project, msproject, ms-project
Microsoft Office | office | microsoft office, ms office, ms office suite, microsoft office suite, microsoft office software
Microsoft Word | office | ~~Word, ms word, microsoft word, ms-word
Microsoft PowerPoint | office | powerpoint, power point, ms powerpoint, microsoft powerpoint, =PPT
Microsoft Outlook | office | ~~Outlook, ms outlook, microsoft outlook
OneNote | office | onenote, microsoft onenote
Google Workspace | office | google workspace, g suite, gsuite, google docs, google sheets, google slides, google drive, google workspace software
Lotus Notes | office | lotus notes, ibm lotus notes, lotus domino
WordPerfect | office | wordperfect, word perfect
Quicken | business | =Quicken
Westlaw | business | westlaw, thomson reuters westlaw
Epic | business | epic systems, epic emr, epic ehr, ~Epic
Cerner | business | =Cerner, cerner millennium
Electronic Health Records | business | electronic health records, electronic medical records, =EHR, =EMR
SmartBoard | tool | smartboard, smart board
Scratch | language | ~Scratch
# ---- broader coverage by field ----------------------------------------------------------------------------
# cloud services
Azure Kubernetes Service | cloud | =AKS, azure kubernetes service
Azure SQL | database | azure sql, azure sql database, sql azure
Azure Service Bus | cloud | azure service bus, =Service Bus
Azure Blob Storage | cloud | azure blob storage, azure storage, blob storage
Azure App Service | cloud | azure app service, azure web apps
Azure Active Directory | security | azure active directory, azure ad, entra id, microsoft entra
Azure Machine Learning | ai | azure machine learning, azure ml
Amazon CloudWatch | devops | cloudwatch, aws cloudwatch, amazon cloudwatch
Amazon API Gateway | cloud | api gateway, aws api gateway, amazon api gateway
Amazon Kinesis | data | kinesis, aws kinesis, amazon kinesis
AWS Step Functions | cloud | step functions, aws step functions
Amazon Athena | data | =Athena, aws athena, amazon athena
AWS IAM | security | aws iam
AWS CDK | devops | aws cdk, cdk
Google Cloud Functions | cloud | cloud functions, google cloud functions
Google Cloud Run | cloud | cloud run, google cloud run
Google Pub/Sub | cloud | pub sub, pubsub, google pub/sub, cloud pub/sub
Google Dataflow | data | dataflow, google dataflow, cloud dataflow
Vertex AI | ai | vertex ai, google vertex ai
Pulumi | devops | pulumi
GitOps | devops | gitops
Flux | devops | fluxcd, flux cd, ~Flux
Podman | devops | podman
Nomad | devops | hashicorp nomad
Linkerd | devops | linkerd
OpenTelemetry | devops | opentelemetry, open telemetry
Jaeger | devops | =Jaeger, jaeger tracing
Sentry | devops | =Sentry, sentry io
PagerDuty | devops | pagerduty, pager duty
Elastic APM | devops | elastic apm
Fluentd | devops | fluentd, fluent bit
HAProxy | tool | haproxy
Traefik | tool | traefik
Envoy Proxy | tool | envoy proxy, =Envoy
Load Balancing | networking | load balancing, load balancers, load balancer
# web and mobile
React Testing Library | testing | react testing library, testing library, =RTL
styled-components | library | styled components, styled-components
Emotion | library | emotion css, @emotion
CSS-in-JS | library | css in js
Webflow | platform | webflow
Wix | platform | =Wix
Squarespace | platform | squarespace
Framer | design | =Framer, framer motion
Core Data | framework | core data
UIKit | framework | uikit
Combine | framework | combine framework, ~Combine
HealthKit | framework | healthkit
ARKit | framework | arkit
Core ML | ai | core ml, coreml
XCTest | testing | xctest, xcuitest
Fastlane | devops | fastlane
Bitrise | devops | bitrise
CocoaPods | tool | cocoapods, swift package manager, carthage
Jetpack Compose | framework | jetpack compose
Android Jetpack | framework | android jetpack, jetpack
Espresso | testing | =Espresso, espresso testing
Room | database | room database, android room
Retrofit | library | =Retrofit
Kotlin Coroutines | library | kotlin coroutines, coroutines
RxJava | library | rxjava, rx java, rxswift
Dagger | library | dagger 2, dagger hilt, =Hilt
Apple Watch | mobile | apple watch, watchos
Android TV | mobile | android tv, tvos
Kotlin Multiplatform | framework | kotlin multiplatform, =KMP, kotlin multiplatform mobile
App Store Connect | tool | app store connect, testflight
Google Play Console | tool | google play console, play console
Expo | framework | =Expo, expo go
Vuex | library | vuex, pinia
Vuetify | library | vuetify
Quasar | framework | quasar framework
Alpine.js | framework | alpinejs, alpine js
htmx | library | htmx
Preact | framework | preact
SolidJS | framework | solidjs, solid js
Lit | library | lit element, lit html
Web Components | web | web components, custom elements, shadow dom
Sequelize | library | sequelize
TypeORM | library | typeorm
Prisma | library | =Prisma, prisma orm
Mongoose | library | mongoose, =Mongoose
Knex | library | knex, knex js
Koa | framework | koa, koa js, koajs
Hapi | framework | hapi js, hapijs
Fastify | framework | fastify
Socket.IO | library | socket io, socketio
Strapi | platform | strapi
Contentful | platform | contentful
Sanity | platform | sanity io, sanity cms
Ghost | platform | ghost cms
Hugo | framework | hugo static site generator
Jekyll | framework | =Jekyll
Astro | framework | astro build, =Astro
esbuild | tool | esbuild
Rollup | tool | rollup js, rollupjs
Parcel | tool | parcel bundler
Turborepo | tool | turborepo
Nx | tool | nx monorepo, =Nx
pnpm | tool | pnpm
ESLint | tool | eslint, tslint
Prettier | tool | =Prettier
Lighthouse | tool | google lighthouse, =Lighthouse
Core Web Vitals | web | core web vitals, web vitals
Web Performance | web | web performance, page speed optimization
Leaflet | library | leaflet js, leafletjs
Mapbox | library | mapbox, mapbox gl
OpenLayers | library | openlayers
Chakra UI | library | chakra ui, chakra
Ant Design | library | ant design, antd
Bulma | library | =Bulma
Foundation | library | ~Foundation, zurb foundation
Handlebars | library | handlebars, handlebars js, mustache
EJS | library | =EJS
Pug | library | pug js, jade templates
# data, science and analytics
ggplot2 | library | ggplot2, ggplot
tidyverse | library | tidyverse, dplyr, tidyr, =purrr
Shiny | framework | r shiny, shiny apps, =Shiny
R Markdown | tool | r markdown, rmarkdown, quarto
statsmodels | library | statsmodels
Prophet | library | facebook prophet, fbprophet, =Prophet
ARIMA | knowledge | =ARIMA, =SARIMA, arima models
Time Series Forecasting | practice | time series forecasting, time series analysis, time-series forecasting, time-series analysis, forecasting models
A/B Testing | practice | a/b testing, a b testing, ab testing, a/b tests, split testing, experimentation platform
Regression Analysis | knowledge | regression analysis, linear regression, logistic regression
Hypothesis Testing | knowledge | hypothesis testing, statistical testing, statistical significance
Bayesian Statistics | knowledge | bayesian statistics, bayesian inference, bayesian modeling
Polars | library | =Polars
Dask | library | =Dask
Ray | library | ray tune, ray serve, anyscale
JAX | library | =JAX, google jax
ONNX | ai | onnx, onnx runtime
TensorRT | ai | tensorrt
OpenAI API | ai | openai api, openai, gpt 4, gpt-4, gpt 3, chatgpt
Retrieval-Augmented Generation | ai | retrieval augmented generation, retrieval-augmented generation, =RAG
Vector Databases | database | vector database, vector databases, vector db, pinecone, weaviate, qdrant, milvus, chromadb, pgvector
FAISS | library | faiss
Fine-tuning | ai | ^fine tuning, llm fine tuning, fine tuning llms, model fine tuning, fine tuning of llms, =LoRA, =QLoRA, =PEFT, =RLHF
Transformers | ai | transformer models, transformer architecture, =BERT, =GPT, =T5
Recommender Systems | ai | recommender systems, recommendation systems, recommendation engines, recommender system
Information Retrieval | ai | information retrieval, search ranking, learning to rank
Feature Engineering | practice | feature engineering, feature selection
Data Quality | practice | data quality, data validation, great expectations
Data Governance | practice | data governance, data lineage, data catalog, master data management, =MDM
Dimensional Modeling | data | dimensional modeling, dimensional modelling, kimball, data vault
Apache Iceberg | data | apache iceberg, iceberg tables, apache hudi
Presto | data | presto, trino, =Presto, =Trino
Apache Superset | data | superset, apache superset
Metabase | data | metabase
Fivetran | data | fivetran, airbyte, stitch data
Matillion | data | matillion
Azure Data Lake | data | azure data lake, adls, adls gen2
Google Sheets | office | google sheets
Power Query | office | power query, microsoft power query, excel power query, power query m
SAS Enterprise Miner | data | sas enterprise miner, sas viya
EViews | data | eviews
SQL Server Management Studio | tool | ssms, sql server management studio
pgAdmin | tool | pgadmin
DBeaver | tool | dbeaver
MySQL Workbench | tool | mysql workbench
Redash | data | redash
Mixpanel | business | mixpanel
Amplitude | business | =Amplitude
Segment | business | segment io, twilio segment
Hotjar | business | hotjar
Optimizely | business | optimizely
# security and networking
PCI DSS | security | pci dss, pci compliance, pci-dss
SOC 2 | security | soc 2, soc2, =SOC 2
GDPR | security | =GDPR, general data protection regulation
HIPAA | security | =HIPAA, hipaa compliance
NIST | security | nist cybersecurity framework, nist 800 53, =NIST
Zero Trust | security | zero trust, zero-trust
Snort | security | =Snort, suricata
CrowdStrike | security | crowdstrike, crowdstrike falcon
Splunk SIEM | security | splunk es, splunk enterprise security
Threat Modeling | security | threat modeling, threat modelling
Incident Response | security | incident response, digital forensics, incident handling
Incident Management | devops | incident management, postmortems, blameless postmortems
Encryption | security | encryption, cryptography, =AES, =RSA
VPN | networking | =VPN, vpns, ipsec, wireguard, openvpn
Wi-Fi | networking | wi fi, wifi, wlan, 802.11
SD-WAN | networking | sd wan, sdwan
Routing Protocols | networking | =BGP, =OSPF, =EIGRP, routing protocols
# embedded, electronics and hardware
ARM | hardware | =ARM, arm cortex, arm cortex m, arm cortex m4, cortex m, cortex-m, arm architecture
CAN bus | hardware | can bus, canbus, can protocol, =CANopen, =CAN FD, =J1939
SPI | hardware | =SPI, serial peripheral interface
I2C | hardware | i2c, i 2 c, =IIC
UART | hardware | =UART, =USART, rs 232, rs232, rs 485, rs485
JTAG | hardware | =JTAG, swd debugging
AUTOSAR | hardware | autosar
MISRA C | hardware | misra c, misra, misra c++
ISO 26262 | hardware | iso 26262, functional safety, =ASIL
UDS | hardware | =UDS, unified diagnostic services, =OBD
Polyspace | tool | polyspace
Hardware-in-the-Loop | testing | hardware in the loop, hardware-in-the-loop, =HIL, =SIL, software in the loop
dSPACE | tool | dspace
CANoe | tool | canoe, canalyzer, vector canoe
Zephyr | os | zephyr rtos, =Zephyr
Bare-metal Programming | hardware | bare metal, bare-metal
Device Drivers | hardware | device drivers, linux kernel, kernel development, driver development
PCB Design | hardware | pcb design, pcb layout, altium, altium designer, kicad, orcad, eagle pcb
Circuit Design | hardware | circuit design, analog design, digital design, schematic capture
SPICE | hardware | =SPICE, ltspice, pspice
Oscilloscope | hardware | oscilloscopes, oscilloscope, logic analyzer, logic analyzers
PLC Programming | hardware | plc programming, =PLC, =PLCs, ladder logic, siemens step 7, tia portal, allen bradley, rslogix
SCADA | hardware | =SCADA, =HMI, wincc, ignition scada
Robot Operating System | framework | =ROS, ros2, ros 2, robot operating system
IoT | hardware | =IoT, internet of things, iot devices
# mechanical, civil and manufacturing
GD&T | design | gd&t, gd t, =GDT, geometric dimensioning and tolerancing, asme y14.5
Finite Element Analysis | design | finite element analysis, =FEA, =FEM, finite element method
Computational Fluid Dynamics | design | computational fluid dynamics, =CFD, openfoam, star ccm+
PLM | design | =PLM, product lifecycle management, teamcenter, siemens teamcenter
Windchill | design | windchill, ptc windchill
Siemens NX | design | siemens nx, unigraphics, =NX CAD
Creo Simulate | design | creo simulate
Mechanical Engineering | field | mechanical engineering
Electrical Engineering | field | electrical engineering
Civil Engineering | field | civil engineering
Chemical Engineering | field | chemical engineering
Sheet Metal Design | design | sheet metal, sheet metal design, weldments
Hydraulics | design | hydraulics, hydraulic systems, pneumatics
DFM | design | =DFM, =DFA, =DFMA, design for manufacturing, design for manufacture, design for assembly
Root Cause Analysis | practice | root cause analysis, =RCA, =8D, 5 whys, fishbone diagram, ishikawa
FMEA | practice | =FMEA, =PFMEA, =DFMEA, failure mode and effects analysis
Statistical Process Control | practice | statistical process control, =SPC
Kaizen | methodology | kaizen, =5S
CNC Machining | design | cnc machining, =CNC, cnc programming, g code, g-code, mastercam
3D Printing | design | 3d printing, additive manufacturing
Tolerance Analysis | design | tolerance analysis, tolerance stack up, tolerance stackup
HVAC | design | =HVAC, hvac design
Navisworks | design | navisworks, autodesk navisworks
Civil 3D | design | civil 3d
STAAD.Pro | design | staad pro, staad.pro, staad
ETABS | design | =ETABS, =SAP2000
Bluebeam | design | bluebeam, bluebeam revu
Procore | business | procore
MS Project Scheduling | business | critical path method, =CPM scheduling
# finance and business
Financial Reporting | practice | financial reporting, financial statements, =IFRS reporting
Valuation | practice | valuation, valuations, =LBO, leveraged buyout, comparable company analysis, precedent transactions
Credit Analysis | practice | credit analysis, credit risk, underwriting
Risk Management | practice | risk management, risk assessment, enterprise risk management, market risk
FactSet | business | factset
Capital IQ | business | capital iq, s&p capital iq, capiq
Refinitiv Eikon | business | refinitiv, eikon, thomson reuters eikon
Morningstar | business | =Morningstar, morningstar direct
Hyperion | business | oracle hyperion, hyperion planning, hyperion essbase, =Essbase
Anaplan | business | anaplan
Adaptive Insights | business | adaptive insights, workday adaptive planning
BlackLine | business | blackline
Expensify | business | expensify
FreshBooks | business | freshbooks
Zoho | business | zoho, zoho crm, zoho books
Pipedrive | business | pipedrive
Microsoft Dynamics 365 | business | dynamics 365 finance, d365
Oracle Fusion | business | oracle fusion, oracle cloud erp
Pivot Tables | office | pivot table, pivot tables, pivottables
VLOOKUP | office | vlookup, xlookup, index match
Tax Preparation | practice | tax preparation, tax compliance
Accounts Payable | practice | accounts payable, =AP processing
Accounts Receivable | practice | accounts receivable, collections management
General Ledger | practice | general ledger, journal entries, =GL
Reconciliations | practice | reconciliations, bank reconciliations, account reconciliations, reconciliation
Variance Analysis | practice | variance analysis
Cost Accounting | practice | cost accounting, management accounting, standard costing
CPA | practice | =CPA, certified public accountant
CFA | practice | =CFA, chartered financial analyst
Lean Six Sigma | methodology | lean six sigma
Agile Coaching | methodology | agile coaching
OKRs | methodology | =OKR, =OKRs, objectives and key results
Stakeholder Management | practice | stakeholder management
Change Management | practice | change management, organizational change
Vendor Management | practice | vendor management, supplier management
Contract Management | practice | contract management, contract negotiation
Recruiting | practice | recruiting, recruitment, talent acquisition, sourcing candidates
Greenhouse | business | greenhouse ats, greenhouse io
Lever | business | lever ats
iCIMS | business | icims
SuccessFactors | business | successfactors, sap successfactors
UKG | business | =UKG, ultipro, ukg pro
Gusto | business | =Gusto
Paychex | business | paychex
# marketing and sales
Google Tag Manager | business | google tag manager, =GTM
Meta Ads | business | meta ads, facebook ads, instagram ads, facebook ads manager, meta business suite
LinkedIn Ads | business | linkedin ads, linkedin campaign manager
TikTok Ads | business | tiktok ads
Google Search Console | business | google search console, search console
Ahrefs | business | ahrefs
Semrush | business | semrush, sem rush
Moz | business | =Moz, moz pro
Screaming Frog | business | screaming frog, screaming frog seo spider
Yoast | business | yoast, yoast seo
Keyword Research | practice | keyword research
Hootsuite | business | hootsuite, buffer app, sprout social
Sprinklr | business | sprinklr
Klaviyo | business | klaviyo
Braze | business | =Braze
Iterable | business | iterable email
Intercom | business | =Intercom
Salesforce Marketing Cloud | business | salesforce marketing cloud, exact target, exacttarget, marketing cloud, =SFMC
Outreach | business | outreach io
Gong | business | gong io
ZoomInfo | business | zoominfo
Apollo.io | business | apollo io
Conversion Rate Optimization | practice | conversion rate optimization, conversion rate optimisation, =CRO
Marketing Analytics | practice | marketing analytics, attribution modeling, marketing mix modeling
Influencer Marketing | practice | influencer marketing
Affiliate Marketing | practice | affiliate marketing
Public Relations | practice | public relations, media relations
Copywriting | practice | copywriting, copy writing
Brand Management | practice | brand management, brand strategy, branding
Market Research | practice | market research, competitive analysis, competitor analysis
Lead Generation | practice | lead generation, demand generation
Account-Based Marketing | practice | account based marketing, =ABM
# design and media
Procreate | design | procreate
Affinity Designer | design | affinity designer, affinity photo, affinity publisher
Adobe Animate | design | adobe animate
Adobe Substance | design | substance painter, substance designer, adobe substance
ZBrush | design | zbrush
Houdini | design | sidefx houdini, =Houdini
Nuke | design | =Nuke, foundry nuke
Unreal Blueprints | tool | unreal blueprints
Logic Pro | design | logic pro, logic pro x
Ableton Live | design | ableton, ableton live
Audacity | design | =Audacity
Motion Graphics | design | motion graphics, motion design
Typography | design | typography
Packaging Design | design | packaging design
Photography | design | photography, photo editing, photo retouching, retouching
Video Editing | design | video editing, video production
Illustration | design | digital illustration, illustration
Storyboarding | design | storyboarding, storyboards
Design Systems | design | design system, design systems
Miro | tool | =Miro, miro board
Zeplin | design | zeplin
Balsamiq | design | balsamiq
Axure | design | axure, axure rp
Principle | design | principle app
Maze | design | maze design
UserTesting | design | usertesting
# healthcare
BLS | practice | =BLS, basic life support
ACLS | practice | =ACLS, advanced cardiovascular life support
PALS | practice | =PALS, pediatric advanced life support
NIH Stroke Scale | practice | nih stroke scale, nihss
IV Therapy | practice | iv therapy, iv insertion, intravenous therapy, phlebotomy
Wound Care | practice | wound care, wound management
Telemetry | practice | telemetry monitoring, cardiac telemetry, =Telemetry
Patient Assessment | practice | patient assessment, patient triage
Medication Administration | practice | medication administration
Pyxis MedStation | business | pyxis, pyxis medstation, omnicell
MEDITECH | business | meditech
Allscripts | business | allscripts
athenahealth | business | athenahealth, athenaone
eClinicalWorks | business | eclinicalworks
ICD-10 | practice | icd 10, icd-10, icd 10 cm, =CPT coding, medical coding, medical billing
HL7 | business | =HL7, =FHIR, hl7 fhir
CPR | practice | =CPR, cpr certified
First Aid | practice | first aid, first aid certificate
Infection Control | practice | infection control, infection prevention
# education
Google Classroom | office | google classroom
Canvas LMS | platform | canvas lms, instructure canvas
Blackboard | platform | blackboard learn, =Blackboard
Moodle | platform | moodle
Schoology | platform | schoology
Kahoot | tool | kahoot
GeoGebra | tool | geogebra
Desmos | tool | desmos
Nearpod | tool | nearpod
Seesaw | tool | seesaw app
Curriculum Development | practice | curriculum development, curriculum design, lesson planning
Classroom Management | practice | classroom management
Instructional Design | practice | instructional design, e learning design, articulate storyline, articulate 360, adobe captivate
Special Education | practice | special education, =IEP, individualized education program
# ---- long tail: products split from their families, and common tools by field -------------------------------
# testing
TestNG | testing | testng, test ng
xUnit | testing | xunit, xunit.net
MSTest | testing | mstest
Gherkin | testing | =Gherkin
SpecFlow | testing | specflow
REST Assured | testing | rest assured, rest-assured, restassured
Newman | testing | =Newman
k6 | testing | =k6, grafana k6, k6 io
Locust | testing | =Locust, locust io
BrowserStack | testing | browserstack
Sauce Labs | testing | sauce labs, saucelabs
LambdaTest | testing | lambdatest
Pact | testing | ~Pact, pact io, pact contract testing
WireMock | testing | wiremock
Testcontainers | testing | testcontainers
Vitest | testing | vitest
Vue Test Utils | testing | vue test utils
Enzyme | testing | ~Enzyme
Karma | testing | ~Karma
Protractor | testing | ~Protractor
WebdriverIO | testing | webdriverio, webdriver io
TestCafe | testing | testcafe
Katalon Studio | testing | katalon, katalon studio
Tricentis Tosca | testing | tricentis tosca, =Tosca
Ranorex | testing | ranorex
Zephyr Scale | testing | zephyr scale, zephyr for jira, zephyr squad
Xray | testing | =Xray, xray for jira
qTest | testing | =qTest
Allure | testing | =Allure, allure report, allure reports, allure framework
Chromatic | testing | =Chromatic
Percy | testing | ~Percy, percy io
MockK | testing | mockk
Robolectric | testing | robolectric
XCUITest | testing | xcuitest, xcui test
EarlGrey | testing | earlgrey
Detox | testing | ~Detox
Hypothesis | testing | ~Hypothesis
tox | testing | =tox
Postman Newman | testing | postman newman
Page Object Model | testing | page object model, =POM
ISTQB | testing | =ISTQB, istqb certified tester, istqb foundation, istqb ctfl
# observability and devops
Grafana Loki | devops | grafana loki, ~Loki
Grafana Tempo | devops | grafana tempo, ~Tempo
Grafana Mimir | devops | grafana mimir
Thanos | devops | =Thanos
Cortex XSOAR | security | cortex xsoar, palo alto cortex xsoar, demisto
Kibana | devops | kibana
Logstash | devops | logstash
ELK Stack | devops | =ELK, elk stack, elastic stack, elk/efk, =EFK, efk stack
OpenSearch | database | opensearch, amazon opensearch
Fluent Bit | devops | fluent bit, fluentbit
Vector | devops | ~Vector
Graylog | devops | graylog
Sumo Logic | devops | sumo logic
Honeycomb | devops | ~Honeycomb
Lightstep | devops | lightstep
Zipkin | devops | zipkin
Statuspage | devops | statuspage, atlassian statuspage
Opsgenie | devops | opsgenie
VictorOps | devops | victorops, splunk on call
Azure Monitor | devops | azure monitor, azure log analytics, log analytics workspace
Azure Application Insights | devops | application insights, azure application insights, app insights
Terragrunt | devops | terragrunt
Packer | devops | ~Packer, packer io
Kustomize | devops | kustomize
Crossplane | devops | crossplane
Spinnaker | devops | spinnaker
Tekton | devops | tekton
Flux CD | devops | fluxcd, flux cd
Rancher | devops | =Rancher, rancher kubernetes
k3s | devops | =k3s
Minikube | devops | minikube
kind | devops | ^kind
kops | devops | =kops
eksctl | devops | eksctl
Karpenter | devops | karpenter
KEDA | devops | =KEDA
Docker Swarm | devops | docker swarm
containerd | devops | containerd
Buildah | devops | buildah
Skaffold | devops | skaffold
Tilt | devops | ^tilt
Octopus Deploy | devops | octopus deploy
AWS CodePipeline | devops | codepipeline, aws codepipeline, codebuild, aws codebuild, codedeploy, aws codedeploy
Google Cloud Build | devops | cloud build, google cloud build
Azure DevOps Pipelines | devops | azure pipelines, azure devops pipelines
Bicep | devops | ~Bicep, azure bicep, bicep templates
ARM Templates | devops | arm templates, azure resource manager templates, azure resource manager
Azure Policy | cloud | azure policy
Azure Key Vault | security | azure key vault, key vault
Azure Logic Apps | cloud | logic apps, azure logic apps
Azure Event Hubs | cloud | event hubs, azure event hubs, event hub
Azure Cosmos | database | ^azure cosmos
Azure Virtual Machines | cloud | azure virtual machines, azure vms, azure vm
Azure Virtual Network | cloud | =VNet, azure vnet, azure virtual network
Azure Front Door | cloud | azure front door
Azure API Management | cloud | azure api management, =APIM
Azure Container Apps | cloud | azure container apps
Azure Container Registry | cloud | azure container registry, =ACR
Azure Data Lake Storage | data | adls, =ADLS, adls gen2, adls gen 2, azure data lake storage, azure data lake storage gen2
Microsoft Fabric | data | microsoft fabric, ms fabric
Microsoft Purview | security | microsoft purview, azure purview
Microsoft Sentinel | security | microsoft sentinel, azure sentinel, ~Sentinel
Microsoft Defender for Endpoint | security | microsoft defender for endpoint, defender for endpoint, =MDE, microsoft defender atp, windows defender atp
Microsoft Defender for Cloud | security | microsoft defender for cloud, defender for cloud, azure security center
Microsoft Defender | security | microsoft defender, windows defender, defender for office 365, microsoft 365 defender, defender xdr
Microsoft Intune | security | intune, microsoft intune, =MEM, endpoint manager, microsoft endpoint manager
SCCM | tool | =SCCM, =MECM, system center configuration manager, configuration manager
Microsoft 365 | office | microsoft 365, office 365, =O365, =M365, ms 365, ms365, office365
Exchange Online | office | exchange online, microsoft exchange, exchange server, =Exchange
Power Automate | office | power automate, microsoft flow, microsoft power automate
Power Apps | office | power apps, powerapps, microsoft power apps
Power Platform | office | power platform, microsoft power platform
Power BI Service | data | power bi service, power bi online
DAX | data | =DAX, dax formulas, dax measures, data analysis expressions
Kusto Query Language | language | =KQL, kusto, kusto query language
Splunk SPL | language | =SPL, splunk processing language, splunk search processing language
AWS Route 53 | cloud | route 53, route53, amazon route 53, aws route 53
Amazon VPC | cloud | =VPC, =VPCs, aws vpc, amazon vpc
AWS Elastic Load Balancing | cloud | =ALB, =ELB, =NLB, elastic load balancing, application load balancer, aws alb
Amazon SNS | cloud | sns, =SNS, aws sns, amazon sns
AWS Fargate | cloud | fargate, aws fargate
Amazon Aurora | database | aurora, =Aurora, amazon aurora, aws aurora, aurora postgresql, aurora mysql
AWS DMS | cloud | aws dms, database migration service, aws database migration service
Amazon EMR | data | =EMR, aws emr, amazon emr, elastic mapreduce
Amazon CloudFront | cloud | cloudfront, aws cloudfront, amazon cloudfront
AWS Secrets Manager | security | secrets manager, aws secrets manager
AWS KMS | security | aws kms, =KMS, key management service
AWS Systems Manager | cloud | aws systems manager, ssm parameter store
Amazon EventBridge | cloud | eventbridge, amazon eventbridge, aws eventbridge
Amazon ElastiCache | database | elasticache, amazon elasticache, aws elasticache
Amazon MSK | data | amazon msk, aws msk
AWS Amplify | cloud | aws amplify, amplify framework
AWS CodeCommit | devops | codecommit, aws codecommit
AWS Organizations | cloud | aws organizations, aws control tower, control tower
AWS GuardDuty | security | guardduty, aws guardduty, amazon guardduty
AWS Security Hub | security | security hub, aws security hub
AWS WAF | security | aws waf
AWS Batch | cloud | aws batch
AWS SAM | cloud | aws sam, serverless application model
Serverless Framework | cloud | serverless framework
Amazon QuickSight | data | quicksight, amazon quicksight, aws quicksight
Amazon Bedrock | ai | amazon bedrock, aws bedrock, ~Bedrock
Google Cloud Storage | cloud | google cloud storage, =GCS
Google Compute Engine | cloud | compute engine, google compute engine, =GCE
Google Cloud Composer | data | cloud composer, google cloud composer
Google Dataproc | data | dataproc, google dataproc, cloud dataproc
Google Cloud Spanner | database | cloud spanner, google cloud spanner, =Spanner
Google Cloud SQL | database | cloud sql, google cloud sql
Firebase Crashlytics | mobile | crashlytics, firebase crashlytics
Firebase Cloud Messaging | mobile | =FCM, firebase cloud messaging
Firebase Remote Config | mobile | remote config, firebase remote config
Looker Studio | data | looker studio, google data studio, data studio
# security
Qualys | security | qualys, qualysguard, qualys vmdr, qualys cloud platform
Tenable.io | security | tenable io, tenable.io, tenable.sc, tenable sc, tenable security center, =Tenable
Rapid7 InsightVM | security | rapid7, insightvm, rapid7 insightvm, insightidr, rapid7 insightidr
IBM QRadar | security | qradar, ibm qradar, qradar siem
ArcSight | security | arcsight, micro focus arcsight
LogRhythm | security | logrhythm
Splunk Enterprise Security | security | splunk enterprise security, splunk es, splunk soar, splunk phantom
Elastic Security | security | elastic security, elastic siem
Wazuh | security | wazuh
Suricata | security | suricata
Zeek | security | =Zeek, bro ids
Falco | security | =Falco
OSSEC | security | =OSSEC
Velociraptor | security | =Velociraptor
Volatility | security | ~Volatility, volatility framework
Autopsy | security | ~Autopsy
EnCase | security | encase
FTK | security | =FTK, forensic toolkit
YARA | security | =YARA, yara rules
Sigma Rules | security | sigma rules, sigma detection rules
MITRE ATT&CK | security | mitre att&ck, mitre attack, mitre att ck, att&ck, att ck framework
CrowdStrike Falcon | security | crowdstrike falcon, falcon insight
SentinelOne | security | sentinelone, sentinel one
Carbon Black | security | carbon black, vmware carbon black
Sophos | security | =Sophos, sophos xg
Symantec | security | =Symantec, symantec endpoint protection, symantec dlp
Trend Micro | security | trend micro, trendmicro
McAfee | security | mcafee, trellix, mcafee epo
Zscaler | security | zscaler, zscaler internet access
Netskope | security | netskope
Proofpoint | security | proofpoint
Mimecast | security | mimecast
Darktrace | security | darktrace
Palo Alto Networks | security | palo alto networks, palo alto firewalls, palo alto firewall, palo alto ngfw, pan os, pan-os, ~Palo Alto, prisma access, prisma cloud
Panorama | security | ~Panorama, palo alto panorama
Fortinet FortiGate | security | fortinet, fortigate, fortinet fortigate, fortigates, fortimanager, fortianalyzer
Check Point | security | check point, checkpoint, checkpoint firewall, check point firewall
Cisco ASA | security | cisco asa, =ASA, cisco firepower, firepower, cisco ftd
Burp Suite Pro | security | burp suite pro, burp suite professional, burp pro
OWASP ZAP | security | owasp zap, zap proxy, zed attack proxy
Nikto | security | nikto
sqlmap | security | sqlmap
Hashcat | security | hashcat
John the Ripper | security | john the ripper
Hydra | security | =THC-Hydra, thc hydra
BloodHound | security | bloodhound
Impacket | security | impacket
Mimikatz | security | mimikatz
Cobalt Strike | security | cobalt strike
Aircrack-ng | security | aircrack ng, aircrack
Ghidra | security | ghidra
IDA Pro | security | ida pro
Semgrep | security | semgrep
Checkmarx | security | checkmarx
Veracode | security | veracode
Fortify | security | =Fortify, fortify sca, micro focus fortify
Snyk | security | snyk
Dependabot | security | dependabot
Trivy | security | trivy
Grype | security | grype
Clair | security | ~Clair
Aqua Security | security | aqua security
Prisma Cloud | security | ^prisma cloud
Wiz | security | =Wiz
Lacework | security | lacework
Orca Security | security | orca security
Open Policy Agent | security | open policy agent, =OPA, opa gatekeeper, gatekeeper
Kyverno | security | kyverno
Keycloak | security | keycloak
Auth0 | security | auth0
Ping Identity | security | ping identity, pingfederate, pingone
SailPoint | security | sailpoint, sailpoint identityiq
Duo Security | security | duo security, duo mfa
Kerberos | security | =Kerberos
RADIUS | security | =RADIUS, freeradius
TACACS+ | security | =TACACS, tacacs+, tacacs plus
NIST Cybersecurity Framework | security | nist csf, nist cybersecurity framework, nist 800 53, nist sp 800 53, nist 800-53
CIS Controls | security | cis controls, cis benchmarks, cis benchmark
Threat Hunting | security | threat hunting, threat hunts
SOAR | security | =SOAR, security orchestration automation and response
EDR | security | =EDR, =XDR, endpoint detection and response
DLP | security | =DLP, data loss prevention
Vulnerability Management | security | vulnerability management, vulnerability scanning, vulnerability scans
Security+ | security | security+, comptia security+, security plus, comptia security plus
CySA+ | security | cysa+, comptia cysa+, cysa
CISSP | security | =CISSP
CISM | security | =CISM
CISA | security | =CISA
CEH | security | =CEH, certified ethical hacker
OSCP | security | =OSCP
GCIH | security | =GCIH
SC-200 | security | sc 200, sc-200
# networking
Cisco IOS | networking | cisco ios, cisco ios xe, ios xe, ios-xe, =IOS-XE, ios xr, ios-xr, =IOS-XR, nx os, nx-os, =NX-OS, cisco nx os
Cisco Catalyst | networking | cisco catalyst, catalyst switches, catalyst 9000
Cisco Nexus | networking | cisco nexus, nexus switches
Cisco Meraki | networking | meraki, cisco meraki
Cisco ISE | networking | cisco ise, identity services engine
Cisco WLC | networking | cisco wlc, =WLC, wireless lan controller
Cisco DNA Center | networking | cisco dna center, dna center, cisco dnac
Cisco ACI | networking | cisco aci
Cisco Packet Tracer | networking | packet tracer, cisco packet tracer
GNS3 | networking | =GNS3
Juniper Junos | networking | =Junos, =JunOS, junos os, juniper junos
Juniper MX | networking | juniper mx, juniper mx series, juniper srx, =SRX
Arista | networking | =Arista, arista eos, arista networks
Aruba | networking | =Aruba, aruba networks, aruba wireless, aruba central, aruba clearpass, clearpass
Ubiquiti UniFi | networking | ubiquiti, unifi, ubiquiti unifi
MikroTik | networking | mikrotik, mikrotik routeros, routeros
F5 BIG-IP | networking | f5 big ip, f5 big-ip, big ip, big-ip, f5 ltm, =F5, f5 networks
Citrix NetScaler | networking | netscaler, citrix netscaler, citrix adc
SolarWinds | networking | solarwinds, solarwinds npm, solarwinds orion, orion npm
PRTG | networking | =PRTG, prtg network monitor, paessler prtg
LibreNMS | networking | librenms
Cacti | networking | ~Cacti
NetFlow | networking | netflow, sflow, ipfix
Netmiko | networking | netmiko
NAPALM | networking | =NAPALM
Nornir | networking | nornir
Infoblox | networking | infoblox
BGP | networking | =BGP, border gateway protocol, =eBGP, =iBGP
OSPF | networking | =OSPF, open shortest path first
EIGRP | networking | =EIGRP
IS-IS | networking | =IS-IS
MPLS | networking | =MPLS, mpls vpn, =L3VPN, =L2VPN, l3vpn, l2vpn
VLAN | networking | =VLAN, =VLANs, vlans, =VXLAN, vxlan
STP | networking | =STP, spanning tree, spanning tree protocol, =RSTP
HSRP | networking | =HSRP, =VRRP
LACP | networking | =LACP, link aggregation
QoS | networking | =QoS, =QOS, quality of service
IPsec | networking | ipsec, ipsec vpn, =IPSec
DHCP | networking | =DHCP
NAT | networking | =NAT
IPv6 | networking | ipv6, ipv4
SNMP | networking | =SNMP, snmpv3
Wi-Fi 6 | networking | wi fi 6, wifi 6, 802 11ax
CCNA | networking | =CCNA, cisco certified network associate
CCNP | networking | =CCNP, ccnp enterprise, ccnp security, ccnp routing and switching, cisco certified network professional
CCIE | networking | =CCIE
PCNSE | networking | =PCNSE
Fortinet NSE | networking | fortinet nse, =NSE, nse 4, nse4
JNCIA | networking | =JNCIA, =JNCIS, =JNCIP
# data and ML
LightGBM | library | lightgbm
CatBoost | library | catboost
Seaborn | library | =Seaborn, seaborn
Plotly | library | plotly, plotly dash
Dash | library | ^dash
Streamlit | library | streamlit
Gradio | library | gradio
LlamaIndex | library | llamaindex, llama index
Hugging Face Transformers | library | hugging face transformers, huggingface transformers
PEFT | ai | =PEFT
LoRA | ai | =LoRA, =QLoRA
vLLM | ai | vllm
Ollama | ai | ollama
Llama | ai | =Llama, llama 2, llama 3, llama2, llama3
BERT | ai | =BERT, roberta, distilbert
GPT-4 | ai | gpt 4, gpt-4, gpt 3, gpt-3, gpt 4o, gpt-4o
OpenAI GPT | ai | ^openai gpt
Weights & Biases | ai | weights & biases, weights and biases, weights biases, =W&B, wandb
Kubeflow | ai | kubeflow, kubeflow pipelines
Feast | ai | ~Feast, feast feature store
Feature Store | ai | feature store, feature stores
Triton Inference Server | ai | triton inference server, nvidia triton, nvidia triton inference server, triton server
ONNX Runtime | ai | onnx runtime, onnxruntime
TensorFlow Serving | ai | tensorflow serving, tf serving
TorchServe | ai | torchserve
BentoML | ai | bentoml
Seldon | ai | =Seldon, seldon core
DVC | ai | =DVC, data version control
Optuna | ai | optuna
Ray Tune | ai | ray tune
SHAP | ai | =SHAP, shap values
LIME | ai | ^lime
Milvus | database | milvus
Pinecone | database | pinecone
Weaviate | database | weaviate
Qdrant | database | qdrant
Chroma | database | chromadb, chroma db
pgvector | database | pgvector
Elasticsearch Learning to Rank | ai | ^learning to rank
Great Expectations | data | great expectations
Monte Carlo Data | data | monte carlo data
Soda | data | ^soda
Delta Lake | data | delta lake, delta tables, delta table
Apache Hudi | data | apache hudi, =Hudi
Unity Catalog | data | unity catalog
Databricks Photon | data | ^photon
Spark Structured Streaming | data | spark structured streaming, structured streaming
Confluent | data | confluent, confluent cloud, confluent platform, confluent kafka
Kafka Connect | data | kafka connect
ksqlDB | data | ksqldb, ksql
Debezium | data | debezium
Change Data Capture | data | change data capture, =CDC
Airbyte | data | airbyte
Stitch | data | ^stitch
Dagster | data | dagster
Prefect | data | =Prefect
Luigi | data | =Luigi
Trino | data | =Trino
Apache Druid | data | apache druid, =Druid
Apache Pinot | data | apache pinot
Apache Arrow | data | apache arrow, pyarrow
Parquet | data | parquet, apache parquet
Avro | data | =Avro, apache avro
Data Vault | data | data vault, data vault 2.0, data vault 2 0
Kimball | data | =Kimball, kimball methodology, kimball modelling, kimball modeling
Star Schema | data | star schema, snowflake schema
Erwin | data | erwin, erwin data modeler
Informatica IICS | data | =IICS, informatica cloud, informatica intelligent cloud services
Azure Synapse Pipelines | data | ^synapse pipelines
Google Analytics 4 | business | ^ga4 property
Mode Analytics | data | mode analytics
Sisense | data | sisense
Domo | data | =Domo
ThoughtSpot | data | thoughtspot
Power Pivot | office | power pivot, powerpivot
XLOOKUP | office | xlookup, =XLOOKUP
Row-Level Security | data | row level security, row-level security, =RLS
# mobile
SwiftUI | mobile | swiftui, swift ui
Swift Package Manager | mobile | swift package manager, =SPM
Kotlin Flow | mobile | kotlin flow, stateflow, sharedflow
OkHttp | mobile | okhttp
Koin | mobile | =Koin
Hilt | mobile | dagger hilt, =Hilt
WorkManager | mobile | workmanager, work manager
Kotlin DSL | mobile | kotlin dsl, gradle kotlin dsl
Google Maps SDK | mobile | google maps sdk, google maps api, google maps platform
ML Kit | mobile | ml kit, mlkit, firebase ml kit
Glide | mobile | ~Glide
Coil | mobile | ~Coil
Moshi | mobile | moshi
Gson | mobile | =Gson, =GSON
Ktor | framework | ktor
Alamofire | mobile | alamofire
Realm | database | =Realm, realm database
Core Animation | mobile | core animation
App Store | mobile | =App Store, apple app store, ios app store
Google Play | mobile | =Google Play, google play store, =Play Store
TestFlight | mobile | testflight
Capacitor | mobile | ~Capacitor, ionic capacitor
.NET MAUI | mobile | =MAUI, net maui, .net maui
# frontend
Zustand | library | zustand
TanStack Query | library | tanstack query, react query, tanstack react query
MobX | library | mobx
Recoil | library | ~Recoil
Jotai | library | jotai
Pinia | library | =Pinia, pinia
NgRx | library | ngrx
Apollo Client | library | apollo client, apollo graphql, apollo server, =Apollo
Relay | library | ^relay
shadcn/ui | library | shadcn, shadcn ui, shadcn/ui
Radix UI | library | radix ui
Framer Motion | library | framer motion
React Router | library | react router
React Hook Form | library | react hook form
Remix | framework | =Remix, remix run
Qwik | framework | =Qwik
Bun | tool | ^bun
Stylelint | tool | stylelint
PostCSS | tool | postcss
# embedded and hardware
STM32 | hardware | stm32, stm32cube, stm32cubemx, stm32cubeide, stm32 cubeide
ESP32 | hardware | esp32, esp 32, esp8266, esp idf, esp-idf
nRF52 | hardware | nrf52, nrf 52, nordic nrf52, nrf connect
NXP i.MX | hardware | nxp i mx, i mx, i.mx, i mx 8, i.mx8, imx8, imx6, i.mx6
ARM Cortex-M | hardware | arm cortex m, cortex m, cortex m4, cortex m0, cortex m3, cortex m7, cortex m33, arm cortex m4, arm cortex m0, arm cortex m3, arm cortex m7, arm cortex a, cortex a
PIC | hardware | ^pic
AVR | hardware | =AVR, atmel avr, atmega
FreeRTOS | os | freertos, free rtos
Zephyr RTOS | os | zephyr rtos, zephyr os, zephyr project
VxWorks | os | vxworks
QNX | os | =QNX
ThreadX | os | threadx, azure rtos
Yocto | os | yocto, yocto project, =Yocto, openembedded, bitbake
Buildroot | os | buildroot
U-Boot | os | u boot, u-boot, uboot
Linux Kernel | os | linux kernel, kernel development, linux device drivers, kernel drivers
Keil MDK | tool | keil, keil mdk, keil uvision, keil µvision, mdk arm
IAR Embedded Workbench | tool | iar embedded workbench, iar ewarm, =IAR
STM32CubeIDE | tool | ^stm32 cube ide
Lauterbach TRACE32 | tool | lauterbach, trace32, lauterbach trace32
Segger J-Link | tool | j link, j-link, segger j link, segger
GDB | tool | =GDB, gnu debugger
Valgrind | tool | valgrind
PC-lint | tool | pc lint, pc-lint, pclint, pc lint plus
Coverity | tool | coverity
Ceedling | testing | ceedling
Unity Test | testing | ^unity test framework
CppUTest | testing | cpputest
Google Test | testing | googletest, google test, =GTest, gtest, gmock
Catch2 | testing | catch2
SWD | hardware | =SWD, serial wire debug
LIN | hardware | =LIN, lin bus
CANopen | hardware | canopen
Modbus | hardware | modbus, modbus rtu, modbus tcp
BLE | hardware | =BLE, bluetooth low energy, bluetooth le
Zigbee | hardware | zigbee
LoRaWAN | hardware | lorawan, =LoRa
Ethernet | hardware | ^ethernet
IEC 61508 | hardware | iec 61508
IEC 62304 | hardware | iec 62304
DO-178C | hardware | do 178c, do-178c, do 178b
Xilinx Vivado | hardware | vivado, xilinx vivado, =Xilinx, xilinx ise
Intel Quartus | hardware | quartus, intel quartus, quartus prime, =Altera
ModelSim | hardware | modelsim, questasim
KiCad | hardware | kicad
Altium Designer | hardware | altium, altium designer
OrCAD | hardware | orcad, cadence orcad
Eagle | hardware | ^eagle pcb
LTspice | hardware | ltspice
Logic Analyzer | hardware | logic analyzer, logic analyzers, logic analyser, logic analysers
Oscilloscopes | hardware | ^oscilloscopes
Hardware-in-the-Loop HIL | hardware | ^hil testing
# games
Blueprints | tool | unreal blueprints, blueprint scripting, blueprint visual scripting, ~Blueprints
GameMaker | tool | gamemaker, game maker studio
CryEngine | tool | cryengine
Gameplay Ability System | tool | gameplay ability system
Unreal Insights | tool | unreal insights
RenderDoc | tool | renderdoc
PIX | tool | ^pix
Unity Profiler | tool | unity profiler
Xcode Instruments | tool | xcode instruments, =Instruments
Shader Graph | tool | shader graph
HLSL | language | hlsl
Vulkan | tool | vulkan
DirectX | tool | directx, direct3d, =DX11, =DX12, directx 12, directx 11
OpenGL | tool | opengl, opengl es
Metal | tool | ^metal api
PlayFab | tool | playfab, azure playfab
Photon PUN | tool | photon pun, photon engine, photon fusion
Mirror Networking | tool | ^mirror networking
Addressables | tool | =Addressables, unity addressables
Substance Painter | design | substance painter, adobe substance painter
FMOD | tool | =FMOD
Wwise | tool | wwise
PlayStation 5 | platform | playstation 5, =PS5, playstation
Xbox | platform | =Xbox, xbox series x, xbox one
Nintendo Switch | platform | nintendo switch
Steamworks | platform | steamworks, steam sdk
# ERP, CRM and business systems
SAP S/4HANA | business | sap s/4hana, s/4hana, s 4hana, sap s4hana, s4hana, s/4 hana
SAP FICO | business | sap fico, sap fi/co, sap fi co, sap fi, sap co, =FICO
SAP MM | business | sap mm
SAP SD | business | sap sd
SAP PP | business | sap pp
SAP HANA | database | sap hana, =HANA
SAP BW | data | sap bw, sap bw/4hana, bw/4hana, bw 4hana, sap bw 4hana, sap bi
SAP Fiori | business | fiori, sap fiori, sap ui5, sapui5, =UI5
SAP Activate | methodology | sap activate
SAP Solution Manager | business | solution manager, sap solution manager, =SolMan
SAP Migration Cockpit | business | sap migration cockpit, migration cockpit
LSMW | business | =LSMW
SAP BTP | business | sap btp, sap business technology platform
SAP Ariba | business | ^sap ariba software
SAP SuccessFactors | business | ^sap successfactors software
SAP EWM | business | sap ewm, sap wm
SAP PI/PO | business | sap pi, sap po, sap pi po, sap pi/po, sap cpi
Oracle Data Guard | database | data guard, oracle data guard, active data guard
Oracle RAC | database | oracle rac, real application clusters, =RAC
Oracle ASM | database | oracle asm, automatic storage management
Oracle RMAN | database | =RMAN, oracle rman, recovery manager
Oracle AWR | database | =AWR, awr reports, automatic workload repository
Oracle GoldenGate | database | goldengate, oracle goldengate, golden gate
Oracle APEX | database | oracle apex
Patroni | database | patroni
PgBouncer | database | pgbouncer, pg bouncer
pgBackRest | database | pgbackrest
Barman | database | ^barman
pg_stat_statements | database | pg stat statements
ora2pg | database | ora2pg, ora 2pg
Percona | database | percona, percona server, percona xtrabackup, xtrabackup, percona monitoring and management, percona toolkit
Always On Availability Groups | database | always on availability groups, always on, alwayson, availability groups
Liquibase | database | liquibase
Flyway | database | flyway
Vitess | database | vitess
TimescaleDB | database | timescaledb, timescale
ScyllaDB | database | scylladb, scylla
Oracle Certified Professional | database | oracle certified professional, =OCP, oracle certified associate, =OCA
Salesforce Sales Cloud | business | sales cloud, salesforce sales cloud
Salesforce Service Cloud | business | service cloud, salesforce service cloud
Salesforce Experience Cloud | business | experience cloud, salesforce experience cloud, community cloud
Salesforce CPQ | business | salesforce cpq, =CPQ
Salesforce Flow | business | flow builder, salesforce flow, salesforce flows, screen flows, record triggered flows
Process Builder | business | process builder
Workflow Rules | business | workflow rules
Lightning Web Components | business | lightning web components, =LWC
Salesforce Lightning | business | ^salesforce lightning experience
SOQL | language | =SOQL, =SOSL
Data Loader | business | data loader, dataloader, dataloader io, dataloader.io
Salesforce DX | business | salesforce dx, =SFDX, sfdx
Change Sets | business | change sets
Nonprofit Success Pack | business | nonprofit success pack, =NPSP
Salesforce Certified Administrator | business | salesforce certified administrator, salesforce administrator certification, salesforce admin certification, salesforce certified admin
Platform App Builder | business | platform app builder
Pardot | business | pardot, marketing cloud account engagement
Marketo | business | marketo, adobe marketo
Eloqua | business | eloqua, oracle eloqua
Veeva CRM | business | veeva, veeva crm, veeva vault
Zoho CRM | business | zoho crm
Freshsales | business | freshsales
Copado | devops | copado
Gearset | devops | gearset
DocuSign | business | docusign
SAP Avalara | business | avalara
Bill.com | business | bill com, bill.com
Ramp | business | ^ramp card
Brex | business | =Brex
Tipalti | business | tipalti
Epicor | business | epicor
Infor | business | =Infor, infor ln, infor m3, infor cloudsuite
Sage Intacct | business | sage intacct
Oracle Cloud ERP | business | oracle cloud erp, oracle erp cloud
IBM Maximo | business | maximo, ibm maximo
Jira Service Management | tool | jira service management, jira service desk, =JSM
# marketing and sales
Google Ads | business | google ads, google adwords, adwords
Microsoft Advertising | business | microsoft advertising, bing ads
Meta Ads Manager | business | meta ads manager, facebook ads manager, facebook ads, meta business suite
Mailchimp | business | mailchimp, =MailChimp
Constant Contact | business | constant contact
Salesloft | business | salesloft
Buffer | business | ^buffer app
Sprout Social | business | sprout social
Later | business | ^later com
Google Merchant Center | business | google merchant center
Optimizely Web | business | ^optimizely web
Unbounce | business | unbounce
# misc long tail tools
Draw.io | tool | draw.io, draw io, diagrams.net
Obsidian | tool | ^obsidian
ClickUp | tool | clickup
Airtable | tool | airtable
Smartsheet | tool | smartsheet
Wrike | tool | wrike
Basecamp | tool | basecamp
Linear | tool | ^linear app
Postgres.app | tool | ^postgres app
Insomnia | tool | ~Insomnia
Charles Proxy | tool | charles proxy
Fiddler | tool | ~Fiddler
SoapUI Pro | tool | ^soapui pro
Gerrit | tool | =Gerrit, gerrit code review
Phabricator | tool | phabricator
JFrog Artifactory | devops | artifactory, jfrog artifactory, jfrog
Nexus Repository | devops | nexus repository, sonatype nexus, nexus repository manager
HashiCorp Nomad | devops | ^hashicorp nomad
Consul | devops | ~Consul
Vault | security | ~Vault
CentOS | os | centos
Fedora | os | =Fedora
Rocky Linux | os | rocky linux
AlmaLinux | os | almalinux, alma linux
Amazon Linux | os | amazon linux, amazon linux 2
Arch Linux | os | arch linux
Windows Subsystem for Linux | os | =WSL, wsl2, windows subsystem for linux
ChromeOS | os | chromeos, chrome os
Proxmox | devops | proxmox, proxmox ve
Nutanix | devops | nutanix
Veeam | devops | veeam, veeam backup
Commvault | devops | commvault
NetApp | devops | netapp, netapp ontap
Pure Storage | devops | pure storage
Microsoft Entra ID | security | ^microsoft entra id
Group Policy | security | group policy, =GPO, group policy objects
LogicMonitor | devops | logicmonitor
Checkmk | devops | checkmk
Icinga | devops | icinga
Uptime Kuma | devops | uptime kuma
"""

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
COMMON_WORDS: frozenset[str] = _words(
    """
    a ab abbott abc ability absorb absorption abuse ac academic academy accelerated accent access accessibility
    accord account accountability accountant accounting accounts accurate ace acid acquisition acrobat act action
    actions activate activated active activity acupuncture ad ada adam adams adapt adaptive adb add address
    addressing adjustment adjustments admin administered administration administrator admiral admissions adp ads
    advance advanced advantage advent adventure adverse advertisement advertising advice adviser advisor advisory
    aerial af affairs affect affiliated affinity after ag age agency agent agents agile agricultural agriculture ai
    aid aide aided aids aiken aim aims air aircraft airline airport al alarm alarms alchemy alert algae algebra
    algorithm algorithms alignment all allen allergy alliance allied allocation alloy alpha alpine alt alternate
    alternative altitude amanda amazing amber ambient america american americas ammunition amp an analog analyses
    analysis analyst analysts analytic analytical analytics analyze analyzer analyzers anarchy anatomy and animal
    animals animation anime ann another answer ant antenna anti antivirus antlers anxiety anywhere aoc ap apache
    apex apollo app apparatus apparel appeals apple apples appliances applicant application applications applied
    appointment appraisal approach approaches apps aps aquatic ar arbitration arc arcade arch archer architect
    architectural architecture archive archives are area areas arena argo arizona ark arlington army arrangement
    arrangements array arrival arrow art arthur article articulate artificial artillery artist artistic arts arturo
    artwork as asap ash ashley asl asp aspect aspects aspen aspire assault assembled assembly assertion assessment
    assessments asset assets assistance assistant assistants assisted associated associates association associations
    assurance assured ast astro astronomy astrophysics asylum at athletic atlas atm atmospheric atom atomic atop ats
    attack attacks attendance attention attitude attorney attributes au auburn audacity audio audit audition
    augmented august aura aurora austin authentication author authoring authority authorization auto automated
    automatic automatically automation automaton automotive autonomous autonomy autopilot autopsy availability
    available avatar aviation avid avoidance await awesome axis aztec b babel babylon back backbone backdrop backed
    background backup badges bae bag bake balance balancing ball ballerina bamboo bank bankers banking bankruptcy
    banner bar barcode bare bargaining baron bars base based baseline bash basic basin basis bat batch bates battery
    battle bds be beacon beam bearing beat beaver beck bed beef beehive beginner behavior behavioral behaviour bel
    bella belt ben benchmark benefit benefits bentley bento berkeley berkshire bermuda berry best betting between
    beverage beyond bh bi bias bicycle bid big bill billing bills binary bind binding bing bio biological biology
    bird bison bit bite bits blackberry blackboard blade blame blast blaze blend blender blind blink blitz block
    blocks blogger blogging blood blue blueprint board boards bob bodily body boeing bohemian boilerplate bond bonds
    bones bonsai boo boogie book booker booking bookkeeping books booster boot bootstrap border boris born boss
    boston bot bots bottom boulevard boundary bounty bowen box boy bradford bradley brady brands brazil break
    breaking breast brew bridge brief briggs bring bro broadcast broadcasting broker brokerage brothers browser bru
    bruno bryce budget buffer bug build builder builders building buildings built bun bundle business buying by c ca
    cabal cabinet cable cache caddy cadence caesar cafe cain cairo cake cal calc calculate calculating calculation
    calculations calculator calculators calendar calibration california call calm cam camera cameras camp campaign
    campus cancer candidate canoe canopy canvas canyon cap capability capacity cape capital capitol captain caption
    capture capturing carbon card care career cargo carlo carpet carrier cart cartel cartography cartridge carving
    casa case cash cask cast casual cat catalog cataloging catalyst catch categories category cats cause cave cbs cc
    cd cdc cds ce cell cellular cemetery center centered centers central centre centres cents century certificates
    ceylon cf chai chain challenge challenges chang change channel channels chaos chapel character characteristic
    characteristics charge charged charity charles chart charting charts chase chat cheat check checking checkout
    chef chemical chemicals chemistry child children chip chips choice choreography christianity chrome chromium
    chuck ci cinema cinnamon circle circuit circuits circulation cis cisco citation citations cities citizen city
    civil claim claims clarity clark clarke clash class classes classic classification classroom claude clayton
    clean clear clearance clerk click clicker clicking client clients climate climb clinic clinical clipper clips
    clock clockwise clone cloning closer closing closure clothing cloud clouds club clue cluster clustering cm co
    coach coat cobalt cobra cocoa code codes coding coffee cognitive coin cold collaborate collaboration
    collaborative collateral colleague collection collections collective collector college collision color colossus
    columbia com combat combined combustion comet command commander commence comments commerce commercial commit
    commodity common commons communicating communication communications community comp compact company comparable
    comparative compare compartment compass compatibility compatible compel compensation competence competition
    compiler compilers complaint complementary complete complex compliance component components composer composite
    composition compound comprehensive compression computational computer computers computing con conan concept
    concepts concordance concrete concur concussion condition condo conductor conf conference conferencing confidant
    confidential config configuration congress connect connected connection connections connectivity consensus
    consequences conservation console consolidated consolidation consortium constant construction constructive
    consult consultants consulting consumer consumers consumption contact contacts container content context
    continuing continuity continuous continuum contract contractor contractors contribute contributions control
    controlled controller controllers controlling controls convention conversation conversion converter convertible
    cook cooking cool cooperative coordinate coordinated coordination cop copper cops copy copyright coral core corp
    corporate corporation correction corrections correlation cortex cosmetic cost costing costs council counseling
    counter counterpoint countryside coupled course court courtroom cover coverage covering covid cow cp cpc cracker
    crane crash crawl crawler create creation creations creative creator credentials credit credo creek creole crew
    crime crisis criteria critical crop crops cross crossing crowdfunding cruise cruising crypto crystal
    crystallography cs cst ct cu cube cubic cue cufflinks culinary cultural cuneiform curl currency current
    curriculum curry curtis curves custom customer customs cut cutting cv cyber cybernetics cycle cyclone d dad
    daily dairy damage dance dangerous dare dark dart darwin dash data database databases dataset date dawn day db
    dc de deadline dealer dean debit debris debt debugging decay decipher decision decisions deck decoder decorative
    dedicated deed deep deer defect defence defender defense defined definition degree delay delivery delphi delta
    deluxe dem demand demo demos density dental department departure dependencies dependency deploy deployment
    deposit deposition depot depreciation depression derivative derivatives descent description design designer
    designing designs desire desk desktop destiny detailing detect detection detector dev developer developers
    development device devices dexter diagnosis diagnostic diagram dial dialog dialogue diameter diamond diary
    dictation dictionaries dictionary die diet diff difference differences different diffusion dig digital
    digitization dimensional dimensions direct directions director directory dis disaster discharge discipline
    discord discount discover discovery discrete disease disk dispatch display distance distributed distribution
    distributor dive diversity diving division djs dl dm dms dnc do doc docker docs document documentation doe dog
    doing dollar dolphin dom domain domestic domino done donor doom door doors doris dose dossier dot douglas dp dr
    dracula drafting dragon drain draw drawing drawings dream drive driven driver drivers driving drone drones
    dropbox drug drum drums dry dual dub duke dune dungeon dvd dx dylan dynamic dynamics e eagle ear earnings earth
    earthly ease easy ec echo eclipse ecological economic economics ecosystems ed eden edge edible edit editing
    edition editor editors eds education educational edwards ee eeg effect effects efficiency efficient eiffel
    einstein elastic electric electrical electricity electro electromagnetic electron electronic electronics element
    elements elevation elevator elf elimination elite ellie ellis elm elmer elms eloquent em email embedded
    embedding ember emerald emergency emerging emerson emission emissions emit emoji emojis emphasis employee
    employment empower ems emulation emulator en encoder encompass encore encounter encryption end endless energy
    enforce enforcement engagement engine engineer engineering engineers engines england enhanced enhancement enigma
    enterprise enterprises entirety entity entourage entries entry environment environmental environments ep epa
    epic eq equal equation equipment er era eric ericsson erosion error erupt es escape esoteric esp essentials est
    establishment estate estimate estimates estimating estimation estimator etc ethereal ethical ethics eu euphoria
    europa european eva evacuation evaluation evans event events ever everest everything everywhere evidence
    evolution ex exact exam examination examine examiner example examples excavator excel exchange exchanges
    exclusion execution executive exercise exercises exotic expanded expedition expenditure expense experience
    experiences experiment experimental experiments expert experts explanations exploit exploitation exploits
    explore explorer expo export express expression expressions extend extended extension extensions extent extra
    extraction extreme eye f fable fabric fabrication face facilities facility factor factory facts failure failures
    fair falcon falls fam family fan fancy fantasy fares farm farmer farming farms fashion fast fastest fatigue
    fault faust faux fax fb fcc fda fear feat feathers feature features federal fedora feds fee feed feedback
    feeding felix fence fencing fennel ferret fiber fibers fibre fiction fidelity field fields fifth fighting figure
    fiji file files filing film filter filtering filters final finale finance financial find finder fine finite fire
    fires firewall firm firmware first fish fisher fisherman fit fitness fits fitting five fix fixed fixes fl flare
    flash flat fleet fletcher flex flexible flickr flight float flood floods floor flooring flora florida flow
    fluent fluid fluids flux flyer flying focus fog fold folio follow font fonts food footprint for force forecast
    forecasting forefront forensic forest forestry forge form formal format formats formatted forms formula formulae
    formulas forth fortify fortress forum forward foundation foundations four fourth fox fps frame framework
    frameworks fraud fred freddie free freedom freeze freight frenzy frequency friendly friends fringe frog from
    front frontier fs fsa ft ftc fuel fugitive fully functional functionality functioning functions fund fundamental
    fundamentals funding funds fusion future fx fyi gadgets gains galaxy gale galileo gallagher gallery gamble
    gambling game games gaming gamma gan gap garment garments gas gate gateway gaussian gazebo gb gcc ge gear gel
    gelato gem gemini gems gen gene genealogy general generate generated generation generator generators genesis
    genetic genetics genie genome genres geo geodetic geographic geological geology geometric geometry germany
    getting gf ghost gi giant gibbs gift gin glam glass gleam global globe gmail go god gold golden golem good
    govern governance government gown gp gps grace gradual grammar grams grape graph graphic graphics graphing
    graphite grass gravitation great green greenhouse grid groom ground group grouping groups growth gs gt guard
    guardian guest guidance guide guided guidelines guides guild guitar gulp gump gun hack hackathon hacking hammer
    hand handling hands handshake hansen harbor harbour hard hardened hardware hare harmony harness harris harvard
    harvest harvey hash hat hatch hawk hay hazard hazardous hd health healthcare hearing heat heating held helix
    help henry her herbert hercules hi high higher highlight highlighting hint hip hips history hit hive hms hoffman
    holdings hole holes holt home homebrew homer homes hooks hoon horizon horror hospitality host hosted hosting
    hosts hot hotel hotspot hourly house housing howard hq hr hrs hs hub huddle hugo human humidity hunter hunting
    hy hybrid hydraulic hydraulics hydro hydrogen hydrology hyper hyperion i ia ic ice iced icon id idea ideal
    ideals ideas identification identify identity idle idris if ig ignore igor ii iii il illustrator image imagery
    images imagine imaging immigrant impact impairment impala implementation improvements in inbox inc incentive
    inception incident inclusive income incorporated index indexing indicator individual indoor industrial
    industries industry infinite infinity info inform informatics information informed infrared infrastructure
    inheritance initiation injection injury ink inn innovation innovations innovative innovators input inside
    insight insights inspection inspector inspired insta install installation installations instance instant
    institute institution instruction instructional instructions instrument instrumentation instruments insulation
    insurance insure intake integral integrate integrated integration integrity intellectual intelligence
    intelligent inter interact interaction interactions interactive interconnect interface interior intermediate
    internal international internet interpretation interpreter interpreters intersection interstate interview
    interviewer interviewing intuitive inventor inventory investigation investigator investment invoice io ioc ion
    ionic iot ip iq ir irc iris iron irrigation irs is isaac isabelle isis iso isolation issue issuing it item iv j
    jack jade jaguar jai jail jakarta jam james janet jar jazz jekyll jersey jet jewelry job john johnson joint
    jolie journalism jr js judge judicial julia junction jupiter juris just justice kafka kant ke keep keeper kernel
    kettle key keyboard keynote keys kickstart kid kinds kinetics kingdom kit kits kitty knees knight knowledge ks
    la lab label labeling labels labor laboratories laboratory labs ladder lake lakes lamar lamp lan lancaster land
    landlord landmark landscape lang language languages large lark laser lasso latex latitude latte launchpad law
    laws lawson layer layout le lead leader leaders leading league leak lean learn learning lease leave led ledger
    legacy legal legends legislation legislative lending leo les less letters level levels leverage lewis lex lgbt
    lgbtq liability lib librarian libraries library license licenses licensing life light lighting lightning
    lightweight lilly limbo limit limitations limited line linear linguistic link linked linking links lion liquid
    lis lisa lisp list listing lists lite literature litigation little live livestock ll llc load loading loan
    lobster local localization location lock locking locks locomotive log logbook logger logging logic logical
    logistics logo logos logs london look loom loop loops los loss lots lotus lounge love low lp ls lt ltd lunar
    lunch m mac machine machinery machines machinist macro made madison mae maestro mag magic magnetic magnification
    magnitude mail main mainframe mainstream maintenance majestic make maker making mako malware man manage
    management manager managers manga manhattan manifest manipulation manual manufacture manufacturer manufacturers
    manufacturing manuscript many map maple mapping maps marathon maria marine maritime mark markers market
    marketing markets marking marko markov mars mart martin marvelous mas mask mass massage massive massively master
    mastermind masters match matching mate material materials math mathematical mathematics matrix matter matters
    maturity maven max maxima maxwell maya mayer maze mazes mc md me meadows meal meals mean measure measurement
    measures measuring meat mechanic mechanical mechanics mechanisms med media mediated medicaid medical medicine
    medium meet meeting mega mel membership memphis mendel mental mentor menu merchant mercury merge merlin mermaid
    merry mesh message messaging meta metal meteor meter meters method methodology methods metric metrics metro
    metrology meyer mf mg mi mic michigan micro microscope microwave middleware midi midwest migration mike mile
    mileage mill millennium mind minds mine minecraft miner mining minnesota mint minute mirror mis mission mit
    mitchell mix mixed mixing ml mls mma mo mobile mobility mocha mod mode model modeling modelling models modern
    modes modification modular module modules mojo mold molecular molecule monarch money monitor monitoring monkey
    monte montgomery monthly moody morals morse mortgage mosaics moses moss motion motor mount mountain move
    movement movements movie moving mozilla mp mps mr mt mud multi multimedia multiplayer multiple multitask munich
    municipal muse museum museums music musical mustache mutation mutual mvp my myers myspace name nano nas nasal
    nashville national nations native natural naturally nature naval navigation navigator nc nd ne nec ned need
    needles needs neo neon nest net nets network networking networks neural new newsletter next nexus ng ni nickel
    ninja nit nix nl no noah node noir noise nominate non none normal normalization normalize north northwest norton
    notebook notes notice notification notion novel now nu nuclear number numbers numerical nurses nursing nutrient
    nutrition nxt oak oasis object objective objectives objects observatory observe observer obsidian occupational
    octave oculus odi odin odyssey of off offender office officer offshore oh ohio oil old omega on once one ongoing
    online only ons onset ontario op opal open opera operated operating operation operational operations operator
    opportunity ops opt optical optics optimal optimization optimum option options opts opus or oracle oral orbital
    orchard order ordering org organic organisation organization organizer oriented origin origination orion os oslo
    ot our out outcome outdoor outlook output outspoken ovation over oversee oversight overture owl own ox oxford
    oxide oz ozone pace pacific pack package packages packet pact pad pads page pages paint paintbrush painter
    painting pal palette palm pan panda panel panic panorama paper papers papyrus par paradigm paradox parallel
    parameter parameters parcel parking parole parrot parse parthenon partial participants particle particular
    partition partitioning partner parts pascal pass password past patch path pathology paths pathways patient
    pattern patterns patterson paul pawn pay payable payment payments paypal pc pcb pcs pd pe peak pearson pedal
    pediatric peer pegasus penetration peninsula pension pentagon penultimate people pep per perception perfect
    perform performance perl permit permits persistence person personal personality personalized personnel
    perspective perspectives persuasion pest pet petra petroleum pharmaceutical pharmacy phase philosopher phoenix
    phone photo photograph photographs photography photos physical physician physicians physics pi piano piazza pic
    picking pickle pics picture pictures pie pig pike pile pilot pilots ping pinpoint pinterest pip pipe pipeline
    pipelines pivotal pixel pl place plain plains plan planet planned planner planners planning plans plant plastic
    plate plateau platform platforms platinum play player playing playlist plc plug plugin plugins plumbing plus pm
    pms pocket pod podcasting poet point points polar policies policy political poll pollution poly pony poor pop
    popcorn port portable portal portfolio pos posh position positioning positive possum post postage postal posting
    pot potent potential pow power powered powertrain ppc ppl ppm practical practice practices practitioner pre
    precision predator predict prediction premier premiere premium premiums preparation prescription presence
    presentation presentations presenter press pressure prestige prettier prevail prevention preventive price
    pricing prime primer primetime prince principles print printed printer printers printing prism privacy private
    pro probability probe problem procedural procedure procedures process processes processing processor processors
    procurement producer product production productions productivity products professional profile profiles
    profiling profit profitability profits program programme programming programs progress progression progressive
    project projected projecting projection projections projects promise promotion prompt prompting pronto proof
    properties property prophet proportional props prosperity protection protein proto protocol protocols providers
    provisioning proximity proxy psychiatric psychological psychology pt pts pub public publish publisher publishers
    publishing puff pug pulsar pulse punch puppet purchase purchasing pure purpose purposes putty puzzle pyramid q
    qb qt quad quake quality quantitative quantum que queer query quest question questions quick quicken quilt
    quixote quo quote r rabbit racing racket rad radar radiation radio radius rag rage rail railroad rails railway
    rain rake ranch rand random range ranging rapid rascal rat ratchet rate rates rating ratings rational ratios
    rats rave raw ray rays razor rb rbs re reach react reactor read reader readers reading real reality realization
    really realm reason receivable recipe recipes recognition recognizing recon reconnaissance record recorder
    recording records recovery recruit recruiting recruitment red reddit redirects reduce reducing reduction reed
    reference reflect refugee reg regime regional register registration registry regression regular regulation
    regulations regulatory rehab related relating relations relationship relative relay release reliability reliance
    relief remark remarkable remedy remix remote remotely renaissance render rendering renewable rent rental repair
    repeat replace replacement report reporter reporters reporting reports representation representations request
    requirement requirements research researcher reservation reservations reserve reset residential resolution
    resolve resonance resort resource resources response responsibility responsive rest restaurant restaurants
    result results resume retail retain retention retirement retro retrospect return reuters reveal revenue reverse
    review revised revision reward rf rhythm rice rich ridge right ring rio riot risk risks river rms rn ro road
    robot robotic robotics robots robust roc rock rocket rogers rogue role roles rom ron roof room root rose ross
    rosy rouge route router routine routing row roy royal rp rpg rs rss rts ruby rudder rules run runner runoff rust
    rv sa saber safari safe safety saga sage sai sail salary sale sales salesman salon salt sam samba sample samples
    samurai san sand sanders sandstorm sanitizer santa sap sas sass satellite satellites satisfaction saving savings
    sc scale scan scanner scanners scanning scenario scene scenic schedule scheduling scheme schemes schneider
    scholar school schools sci science sciences scientific scientists score scoring scott scrapbook scratch
    screaming screen screening screenplay screenwriting scribe script scripting scripts se sea search searching
    searchlight seattle sec second secretary sector secure securities security sed see seed seeing seer seismic
    select selection selenium self selling semi semiconductor sense sensing sensitive sensor sensors sensory sequel
    sequence sequences sequencing series serious serve server servers service services session set sets setting
    settlement setup sewing sh shadow shape share shared sharing sharp she sheet sheets shell shells shelter shen
    shift shifts shiny ship shipment shipping shiva shoot shooter shop short shortest shot showing shutdown side
    sierra sieve sight sigma sign signal signature silent silk silo silver sim simple simplicity simply sims
    simulation simulations simulator simulators simultaneous sinclair sing single singularity sip sips sis site
    sites situation size sk sketch skies skill skills skins sky skype sl slack slam slang slash sleep slice slides
    slim slope sm small smart smash smashing smiles smoke sms snake snap snapchat sneak sneakers snippet snort so
    soap social socket soft software soil soils solar solid solution solutions solving sonar song sonic sorting
    sorts sound soundcloud soundtrack source southern southwest sovereign soy sp spa space spaces spare spark
    spartan spatial speaking speaks spec special specialist specialists specialized specialty specific specification
    specifications specify specimen spectra spectroscopy spectrum speech speed spell spelling sphere spice spider
    spies spin spiral splat split sponsor sport sports spot spotlight spread spreadsheet spreadsheets spring square
    squeak squeeze squirrel ss st stack staff staffing stage stake stamps stan standard standardized standards
    stanford star stars start starter stat state statement static station statistical statistics stats status steady
    stealth steam steele stellar stem step stereo sterling stewart stimulus stock stop storage store storm storyline
    storyteller strand strata strategic strategies strategy streak stream streaming street strength stress striker
    string strip strong structural structure structured structures struts stud student studies studio studios study
    stunt style styled stylus sublime submission subscribe substance succeed succession suddenly sugar sui suite sum
    summary summit sums sun sunrise sunshine super supervised supervision suppliers supply support supra sure surf
    surface surgery surveillance survey survival sustain sustainable swan swap sway sweater sweden sweep swift swing
    switch switching swivel sword symbol symbolic symbols symmetry symphony sync syntax synthesis synthesizers
    synthetic system systematic systems tab table tableau tables tablet tabs tact tactic tactical tactics tadpoles
    tag tags tailor take tale talent talking talon tangible tanks tanner tape target targeting tas task tasks tax
    taylor tea teal team teammate teams tech technical technique techniques technologies technology tel telecom
    telecommunication telecommunications telegram telemetry telephone telephony television template ten tenant
    tennessee tension term terminal terminals terminology terms terra terrace terrain test testing tests tex texas
    text textile that the theme themes theories theory therapeutic therapist therapy thermal these thesis they
    things think thinking third this thomas thomson those thought thoughtful threads threat threats three threshold
    thrift through ti ticket ticketing tier tiger tim time timeline timing tip tips titan title tl tm to toad todo
    token tokens tolerance ton tone tool toolbox toolkit tools top topic tops tor tornado total touch tour tourism
    tow tower towers town toxicity toxicology trace tracing track tracker tracking tracks tractor trade trader
    trading traffic trail train trainer training trajectory trans transaction transcript transcription transducers
    transfer transform transformation transformer transformers transgender translate translation translator
    transmission transparent transport transportation travel travelers traveling travelling travis treasury treat
    treatment tree trend trends triage trial trials triangle triggers trim trinity triple trojan troubleshooting
    truck true trust ts tsp tuba tumblr tune tuning turbo turing turn turning turtle tutor tutorial tuxedo tv twelve
    twig twin twitch two tyler type types typing ui ultimate ultra ultrasound uncertainty under underwriting uni
    unicorn unified uniform union unique unit united unity universal universe university unlimited uno up update
    upgrades ups upside ur urban us usa usage use used user using ut utilities utility ux v valet validate
    validation valley valuation value values valve vanguard vanilla vantage vapor variable variables varieties
    varsity vault vb vector vegas vegetation vehicle vehicles velocity velvet vendor vendors ventura veracity verbal
    verdict verification verify vernon versatile verse version versions vertical very vet veterinary vhs vi via vibe
    vibration video videos vienna view viewer viewing viewpoint vigilant viking vip virtual virus visibility visible
    vision visions visit visitor vista vistas visual visualization viz voice volt voltage volts volume vp vr vs
    vulcan vulnerability walk wall wallet walmart wan war ward warden ware warehouse warehousing warming warrant
    wars wash waste watch water waterloo waters watershed watson wave waves we wealth wearing weather web webinar
    website weed weigh weighing weight weiss well west western wh what whatsapp wheel wheeler which whisper white
    whittle wide wiki wikipedia will willow wilson win winchester wind window windows wing winner winners wire
    wireless wisconsin wise wisp wit with wizard wizards wolfram wonder wood woodward word words work workday
    workers workflow workforce working workplace works workshop workspace workstation world worlds worldwide worth
    wot wow wren write writer writing ws www wyatt xd xi xl xp xs xv yahoo yang yard yarn yas year yet yield you
    young your yu zap zen zero zeus zig zip zone zoom
    """
)
