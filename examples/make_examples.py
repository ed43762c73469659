"""Generate the fictional example resumes in examples/resumes (PDF, DOCX and text).

Run: ``python examples/make_examples.py [OUT_DIR]`` (default: examples/resumes) (needs the dev extras: reportlab and python-docx). The
output is committed, so ``make demo`` does not run this. Every person, employer, e-mail address
and phone number is invented (e-mails on example.com/.org/.net, phones in the ranges reserved for
fiction). Three people appear twice, as a duplicate would reach an ATS: Priya Raman (two text
files, made by hand), Marcus Okonkwo (a PDF and an older DOCX, e-mail written differently) and
Aisha Bello (a PDF and a text file, another e-mail, the same phone).

The five hand-made examples (backend_engineer.txt, chef_no_headings.txt,
data_engineer_two_column.pdf, nurse.docx, priya_raman_2020.txt) are kept as they are. The files
written here are byte-for-byte reproducible (fixed PDF and DOCX metadata and zip timestamps).
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent / "resumes"
FIXED = datetime(2026, 1, 1)

RESUMES: dict[str, str] = {
    "marcus_okonkwo.pdf": """Marcus Okonkwo
Senior Backend Engineer | Oakland, CA | marcus.okonkwo@example.com | +1 415 555 0142
linkedin.com/in/marcus-okonkwo-example

SUMMARY
Backend engineer with nine years of Java and Spring Boot, building event-driven payment systems
on Kubernetes. Comfortable owning services from design to on-call.

EXPERIENCE
Staff Backend Engineer, Tidewater Payments - San Francisco, CA    Apr 2022 - Present
- Led the move of 40 Java services to Kubernetes with Helm charts and Argo CD.
- Designed the ledger service on PostgreSQL and Apache Kafka (2 billion events a month).
- Infrastructure as code with Terraform; CI/CD in Jenkins and GitHub Actions.
- Added OpenTelemetry tracing and Prometheus alerts; halved incident time to resolve.

Senior Software Engineer, Bayline Logistics - Oakland, CA    Jan 2018 - Mar 2022
- Built Spring Boot microservices for route planning; RabbitMQ between them.
- Ran PostgreSQL and Redis on AWS; packaged everything with Docker.

Software Engineer, Quillsoft - San Jose, CA    Jul 2015 - Dec 2017
- Java backend for a document workflow product; REST APIs; Jenkins pipelines.

EDUCATION
B.S. Computer Engineering, San Jose State University, 2015

SKILLS
Java, Spring Boot, Kotlin, Kubernetes, Helm, Terraform, Apache Kafka, RabbitMQ, PostgreSQL, Redis,
Docker, AWS, Jenkins, GitHub Actions, Prometheus, Grafana, OpenTelemetry, Agile
""",
    "m_okonkwo_cv_2022.docx": """Marcus A. Okonkwo
Marcus.Okonkwo@Example.com | (415) 555-0142 | Oakland, California

PROFILE
Java developer focused on backend services and messaging.

WORK EXPERIENCE
Senior Software Engineer, Bayline Logistics, Oakland CA    January 2018 - Present
Built Spring Boot microservices for route planning with RabbitMQ and PostgreSQL.
Containerised services with Docker and deployed them to AWS.

Software Engineer, Quillsoft, San Jose CA    July 2015 - December 2017
Java backend for a document workflow product; REST APIs and Jenkins pipelines.

EDUCATION
Bachelor of Science, Computer Engineering, San Jose State University, 2015

SKILLS
Java, Spring Boot, RabbitMQ, PostgreSQL, Docker, AWS, Jenkins, SQL
""",
    "elena_petrova_go.txt": """Elena Petrova
Backend Engineer (Go) · Berlin, Germany · elena.petrova@example.net · +49 30 901820
github.com/elena-petrova-example

SUMMARY
Go engineer who builds and runs high-traffic APIs on Kubernetes.

EXPERIENCE
Senior Backend Engineer, Stadtrad Mobility GmbH — Berlin                Feb 2020 – Present
- Wrote the booking platform in Go with gRPC; PostgreSQL and RabbitMQ behind it.
- Ran 60 services on Kubernetes (Amazon EKS) with Helm; infrastructure in Terraform.
- Built GitLab CI pipelines; Prometheus, Grafana and OpenTelemetry for observability.

Backend Developer, Kiezmarkt — Berlin                                   Sep 2016 – Jan 2020
- Go and Python services for a marketplace; Kafka for events; Docker everywhere.

EDUCATION
MSc Computer Science, Technische Universität Berlin, 2016

SKILLS
Go, Python, gRPC, Kubernetes, Helm, Terraform, PostgreSQL, RabbitMQ, Kafka, Docker,
GitLab CI, Prometheus, Grafana, OpenTelemetry, Amazon EKS, Linux
""",
    "tomasz_nowak_devops.docx": """Tomasz Nowak
DevOps Engineer | Kraków, Poland | tomasz.nowak@example.com | +48 12 555 0199

SUMMARY
Site reliability and DevOps engineer; automation first, boring releases.

EXPERIENCE
Site Reliability Engineer, Vistula Cloud, Kraków    May 2021 - Present
Operate Kubernetes clusters with Helm and Argo CD; Terraform and Ansible for infrastructure.
Prometheus, Grafana and Alertmanager for monitoring; on-call lead.

DevOps Engineer, Hexaplan, Kraków    Mar 2017 - Apr 2021
Jenkins pipelines, Docker images, AWS (EC2, S3, RDS); Bash and Python automation.

EDUCATION
BSc Computer Science, AGH University of Science and Technology, 2017

SKILLS
Kubernetes, Helm, Terraform, Ansible, Docker, AWS, Jenkins, Argo CD, Prometheus, Grafana,
Linux, Bash, Python, CI/CD
""",
    "kwame_mensah_platform.txt": """Kwame Mensah
Platform Engineer · Toronto, ON · kwame.mensah@example.org · +1 416 555 0177

SUMMARY
Java platform engineer: internal developer platforms, event streaming and databases.

EXPERIENCE
Platform Engineer, Maple Freight — Toronto                             Jun 2019 – Present
- Java 17 and Spring Boot services; Kafka event backbone; PostgreSQL.
- Kubernetes with Helm for 120 services; Terraform modules for every team.
- GitHub Actions pipelines and OpenTelemetry tracing.

Java Developer, Lakeshore Insurance — Toronto                          Aug 2015 – May 2019
- Java backend for claims processing; Oracle and PostgreSQL; Jenkins.

EDUCATION
BASc Software Engineering, University of Waterloo, 2015

SKILLS
Java, Spring Boot, Kafka, PostgreSQL, Oracle, Kubernetes, Helm, Terraform, GitHub Actions,
Jenkins, OpenTelemetry, Docker
""",
    "aisha_bello_data_engineer.pdf": """Aisha Bello
Senior Data Engineer | London, UK | aisha.bello@example.org | +44 20 7946 0958

SUMMARY
Data engineer building batch and streaming pipelines for analytics and machine learning.

EXPERIENCE
Senior Data Engineer, Brightfield Retail Analytics - London    Jan 2021 - Present
- Apache Spark and Airflow pipelines into Snowflake; data models in dbt.
- Streaming with Kafka and Amazon Kinesis; Terraform and Docker for the platform.
- Data quality checks and documentation with the analytics team.

Data Engineer, Cobalt Insurance - London    Sep 2017 - Dec 2020
- Python and SQL ETL on AWS (Redshift, S3, EMR); Spark jobs for pricing models.

EDUCATION
MSc Data Science, University College London, 2017
BSc Mathematics, University of Bristol, 2016

SKILLS
Python, SQL, Apache Spark, Airflow, dbt, Snowflake, Redshift, Kafka, Kinesis, AWS, Terraform,
Docker, Data Modeling, ETL
""",
    "bello_aisha_resume.txt": """AISHA BELLO
a.bello.data@example.org
+44-20-7946-0958
London

EXPERIENCE
Data Engineer, Cobalt Insurance, London                                 Sep 2017 – Dec 2020
- Built Python and SQL ETL jobs on AWS Redshift and S3.
- Ran Spark on EMR for pricing models.

Junior Data Analyst, Cobalt Insurance, London                           Jul 2016 – Aug 2017
- SQL reports and Excel models for the actuarial team.

EDUCATION
MSc Data Science, University College London, 2017

SKILLS
Python, SQL, Spark, AWS, Redshift, Excel
""",
    "rajesh_iyer_data_platform.pdf": """Rajesh Iyer
Data Platform Engineer | Bengaluru, India | rajesh.iyer@example.com | +91 80 5550 1234

SUMMARY
Scala and Spark engineer; Hadoop to cloud migrations; streaming at scale.

EXPERIENCE
Lead Data Engineer, Kaveri Telecom - Bengaluru    Mar 2019 - Present
- Scala and Apache Spark pipelines on AWS EMR; Hive and Presto for analysts.
- Kafka streaming ingestion, 3 TB a day; Airflow orchestration.
- Moved the warehouse from Hadoop to BigQuery.

Big Data Developer, Nilgiri Systems - Chennai    Jun 2014 - Feb 2019
- Hadoop MapReduce, Hive and Sqoop; Java and SQL.

EDUCATION
B.Tech Information Technology, Anna University, 2014

SKILLS
Scala, Apache Spark, Hadoop, Hive, Kafka, Airflow, AWS, BigQuery, SQL, Java, Python
""",
    "diego_hernandez_analytics.docx": """Diego Hernández
Data Analyst | Madrid, Spain | diego.hernandez@example.net | +34 91 555 0123

SUMMARY
Analyst turning sales data into decisions; dashboards and SQL.

EXPERIENCE
Senior Data Analyst, Mercado Azul, Madrid    Feb 2020 - Present
Looker and Tableau dashboards for 200 stores; SQL on BigQuery; Python for forecasting.

Business Analyst, Iberconsult, Madrid    Sep 2017 - Jan 2020
Excel models and Power BI reports; requirements for the data team.

EDUCATION
Grado en Economía, Universidad Complutense de Madrid, 2017

SKILLS
SQL, Python, Looker, Tableau, Power BI, Excel, BigQuery, Statistics
""",
    "fatima_zahra_ml.docx": """Fatima Zahra El Idrissi
Machine Learning Engineer | Paris, France | fatima.elidrissi@example.com | +33 1 55 55 01 23

SUMMARY
ML engineer taking models from notebooks to production.

EXPERIENCE
Machine Learning Engineer, Lumen Santé, Paris    Oct 2020 - Present
PyTorch and scikit-learn models for triage; MLflow; served on Kubernetes with Docker.
Feature pipelines in Apache Spark and Airflow; SQL on PostgreSQL.

Data Scientist, Quartier Labs, Paris    Sep 2018 - Sep 2020
Python, pandas and scikit-learn for churn models; A/B testing.

EDUCATION
Master in Applied Mathematics, École Polytechnique, 2018

SKILLS
Python, PyTorch, scikit-learn, MLflow, Apache Spark, Airflow, SQL, Docker, Kubernetes, pandas
""",
    "mei_lin_frontend.pdf": """Mei Lin
Frontend Engineer | Singapore | mei.lin@example.com | +65 6555 0142

SUMMARY
Frontend engineer who cares about accessibility and fast pages.

EXPERIENCE
Senior Frontend Engineer, Harbourline - Singapore    Jan 2021 - Present
- React and TypeScript design system used by 12 teams; Next.js storefront.
- GraphQL clients; Jest and Playwright tests; web performance work.

Frontend Developer, Kopi Digital - Singapore    Jul 2017 - Dec 2020
- JavaScript, Vue.js and CSS for marketing sites; Webpack builds.

EDUCATION
BComp Computer Science, National University of Singapore, 2017

SKILLS
React, TypeScript, JavaScript, Next.js, Vue.js, GraphQL, CSS, HTML, Jest, Playwright, Webpack
""",
    "jonas_schmidt_fullstack.txt": """Jonas Schmidt
Full-Stack Developer · Hamburg · jonas.schmidt@example.de · +49 40 555 0101

SUMMARY
Full-stack developer: Node.js APIs and React front ends.

EXPERIENCE
Full-Stack Developer, Elbwerk Software — Hamburg                        Apr 2019 – Present
- Node.js and TypeScript APIs with PostgreSQL; React front ends.
- Docker images deployed on AWS ECS; GitHub Actions pipelines.

Web Developer, Hafenagentur — Hamburg                                   Aug 2016 – Mar 2019
- PHP, JavaScript and MySQL sites for clients.

EDUCATION
BSc Informatik, Universität Hamburg, 2016

SKILLS
JavaScript, TypeScript, Node.js, React, PostgreSQL, MySQL, Docker, AWS, GitHub Actions, PHP
""",
    "olga_ivanova_qa.txt": """Olga Ivanova
QA Automation Engineer · Tallinn, Estonia · olga.ivanova@example.com · +372 555 0123

EXPERIENCE
QA Automation Engineer, Baltic Ledger — Tallinn                         Mar 2019 – Present
- Selenium and Cypress suites; API tests in Python with pytest; Jenkins pipelines.

Software Tester, Nordic Ticketing — Tallinn                             Jun 2016 – Feb 2019
- Manual and automated testing; Java with JUnit; Jira.

EDUCATION
BSc Informatics, Tallinn University of Technology, 2016

SKILLS
Selenium, Cypress, Python, pytest, Java, JUnit, Jenkins, Jira, SQL
""",
    "carlos_mendes_dba.docx": """Carlos Mendes
Database Administrator | Lisbon, Portugal | carlos.mendes@example.pt | +351 21 555 0199

SUMMARY
DBA for PostgreSQL and Oracle: replication, backups and performance.

EXPERIENCE
Senior Database Administrator, Tejo Bank, Lisbon    Jan 2018 - Present
PostgreSQL and Oracle clusters; replication, backup and tuning; Linux and Bash automation.

Database Administrator, Atlântico Telecom, Lisbon    Mar 2013 - Dec 2017
MySQL and Oracle administration; SQL performance tuning.

EDUCATION
Licenciatura em Engenharia Informática, Universidade de Lisboa, 2012

SKILLS
PostgreSQL, Oracle, MySQL, SQL, Linux, Bash, Ansible
""",
    "sofia_rossi_accountant.pdf": """Sofia Rossi
Chartered Accountant | Milan, Italy | sofia.rossi@example.it | +39 02 5550 1234

SUMMARY
Accountant for group reporting and audits under IFRS.

EXPERIENCE
Senior Accountant, Lombarda Industrie - Milan    Feb 2019 - Present
- Monthly close and consolidated reporting under IFRS; SAP and Excel.
- Coordinated the external audit; budgeting and forecasting.

Audit Associate, Navigli & Partners - Milan    Sep 2015 - Jan 2019
- Audits of manufacturing clients; financial statements; tax returns.

EDUCATION
Laurea Magistrale in Economics, Università Bocconi, 2015

SKILLS
Financial Reporting, IFRS, Auditing, SAP, Microsoft Excel, Budgeting, Forecasting
""",
    "liam_obrien_teacher.txt": """Liam O'Brien
Secondary School Teacher · Cork, Ireland · liam.obrien@example.ie · +353 21 555 0123

EXPERIENCE
Mathematics Teacher, St. Finbarr's College — Cork                       Sep 2016 – Present
- Teach mathematics and physics to 180 students a year; exam results above the national average.
- Run the coding club: Python and Scratch for first-years.

Teaching Assistant, Coláiste Mhuire — Cork                              Sep 2014 – Jun 2016

EDUCATION
Professional Master of Education, University College Cork, 2016
BSc Mathematical Sciences, University College Cork, 2014

SKILLS
Curriculum Development, Classroom Management, Mathematics, Physics, Python, Microsoft Excel
""",
    "hannah_kim_marketing.docx": """Hannah Kim
Marketing Manager | Seoul, South Korea | hannah.kim@example.com | +82 2 555 0123

SUMMARY
B2B marketing manager: content, search and lifecycle campaigns.

EXPERIENCE
Marketing Manager, Hanriver SaaS, Seoul    Mar 2020 - Present
SEO and content strategy; HubSpot campaigns; Google Analytics reporting; a team of four.

Digital Marketing Specialist, Namsan Media, Seoul    Jan 2017 - Feb 2020
Paid search, social media and email marketing; Excel reporting.

EDUCATION
BBA Marketing, Yonsei University, 2016

SKILLS
Search Engine Optimization, Google Analytics, HubSpot, Content Marketing, Email Marketing,
Social Media Marketing, Microsoft Excel
""",
}


def _pdf(text: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle("Resume")
    width, height = A4
    y = height - 56
    lines = text.strip("\n").splitlines()
    for i, line in enumerate(lines):
        if i == 0:
            c.setFont("Helvetica-Bold", 18)
            c.drawString(56, y, line)
            y -= 24
            continue
        heading = line.isupper() and len(line) < 40
        if heading:
            y -= 6
        c.setFont("Helvetica-Bold" if heading else "Helvetica", 11 if heading else 9.5)
        if "    " in line and not heading:  # a role line: the dates right-aligned
            left, right = line.rsplit("    ", 1)
            c.drawString(56, y, left.strip())
            c.drawRightString(width - 56, y, right.strip())
        else:
            c.drawString(56, y, line)
        y -= 15 if heading else 13
        if y < 56:
            c.showPage()
            y = height - 56
    c.save()
    return buf.getvalue()


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    props = document.core_properties
    props.created = props.modified = FIXED
    props.author = props.last_modified_by = "skillmatch examples"
    lines = text.strip("\n").splitlines()
    document.add_heading(lines[0], level=0)
    for line in lines[1:]:
        if not line.strip():
            continue
        if line.isupper() and len(line) < 40:
            document.add_heading(line.title(), level=1)
        elif "    " in line:  # a role line
            left, right = line.rsplit("    ", 1)
            para = document.add_paragraph()
            para.add_run(left.strip()).bold = True
            para.add_run("\t" + right.strip())
        else:
            document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return _fixed_zip(buf.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with fixed timestamps, so the file does not change on every run."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def main(out: Path = HERE) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, text in RESUMES.items():
        path = out / name
        if name.endswith(".pdf"):
            path.write_bytes(_pdf(text))
        elif name.endswith(".docx"):
            path.write_bytes(_docx(text))
        else:
            path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
