"""How an applicant tracking system (ATS) uses skillmatch inside its own process.

Run: ``python examples/embed_in_ats.py [--store FOLDER]`` (default: a temporary folder). It plays
an ATS for a minute:

1. At start-up, build the heavy objects once (the skills graph, the nickname table, the
   duplicate index) and keep them for the life of the process.
2. When a resume is uploaded, parse it, store the profile's JSON, and check it against every
   candidate already on file with ``DedupIndex.add`` (a possible duplicate is flagged for the
   recruiter with its reason, never merged silently).
3. When a requisition opens, merge the duplicates, rank each person once and store the
   shortlist as JSON, explanations included, with the graph's fingerprint and the library
   version, so an auditor can later see why each candidate ranked where they did.
4. Save the duplicate index next to the ATS's data; the next process loads it instead of
   rebuilding.

The ATS's own storage is SQLite here (standard library); skillmatch writes no files itself.
Nothing in this example logs or prints resume contents beyond the candidate's name.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import skillmatch
from skillmatch.linkage import DedupIndex, NicknameIndex
from skillmatch.models import Profile, RankedCandidate
from skillmatch.ranking import CandidatePool
from skills_graph import SkillsGraph

HERE = Path(__file__).resolve().parent
AS_OF = "2026-11-22"  # fixed so the example prints the same every day; an ATS leaves it out

SCHEMA = """
CREATE TABLE IF NOT EXISTS candidates (profile_id TEXT PRIMARY KEY, file TEXT, profile_json TEXT);
CREATE TABLE IF NOT EXISTS possible_duplicates (profile_id TEXT, other_id TEXT, probability REAL, reason TEXT);
CREATE TABLE IF NOT EXISTS shortlists (
    requisition_id TEXT, profile_id TEXT, rank INTEGER, score REAL, tier TEXT,
    members TEXT, ranked_json TEXT, graph_fingerprint TEXT, skillmatch_version TEXT,
    PRIMARY KEY (requisition_id, profile_id)
);
CREATE TABLE IF NOT EXISTS requisitions (requisition_id TEXT PRIMARY KEY, requisition_json TEXT);
"""


class Ats:
    """The slice of an ATS that talks to skillmatch. Build once per process."""

    def __init__(self, store: Path) -> None:
        self.store = store
        self.db = sqlite3.connect(store / "ats.sqlite")
        self.db.executescript(SCHEMA)
        # Heavy, immutable objects: built once, passed to every call.
        self.graph = SkillsGraph.load()
        self.nicknames = NicknameIndex.load()
        index_file = store / "candidates.dedup"
        # A fresh ATS starts with an empty index (default match weights); a running one loads
        # its saved index. `DedupIndex.build(existing_profiles)` would learn the weights from
        # the candidates already on file instead.
        self.index = (
            DedupIndex.load(index_file, nicknames=self.nicknames)
            if index_file.exists()
            else DedupIndex(nicknames=self.nicknames)
        )

    # -- upload ---------------------------------------------------------------------------------
    def upload(self, filename: str, data: bytes) -> Profile | None:
        """Parse an uploaded resume, store it, and flag possible duplicates."""
        try:
            profile = skillmatch.parse(data, graph=self.graph, as_of=AS_OF)
        except skillmatch.DocumentError as exc:  # tell the uploader what to do; keep the file
            print(f"  {filename}: could not read it [{exc.code}]")
            return None
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO candidates VALUES (?, ?, ?)",
                (profile.profile_id, filename, profile.model_dump_json()),
            )
            for match in self.index.add(profile):
                self.db.execute(
                    "INSERT INTO possible_duplicates VALUES (?, ?, ?, ?)",
                    (profile.profile_id, match.record_id, match.probability, match.reason),
                )
                other = self.file_of(match.record_id)
                print(f"  {filename}: possible duplicate of {other} ({match.reason})")
        return profile

    def file_of(self, profile_id: str) -> str:
        row = self.db.execute("SELECT file FROM candidates WHERE profile_id = ?", (profile_id,)).fetchone()
        return str(row[0]) if row else profile_id

    def name_of(self, requisition_id: str, person_id: str) -> str:
        """A shortlisted person's name, from the first document merged into them."""
        row = self.db.execute(
            "SELECT members FROM shortlists WHERE requisition_id = ? AND profile_id = ?", (requisition_id, person_id)
        ).fetchone()
        first = row[0].split(",")[0] if row else person_id
        found = self.db.execute("SELECT profile_json FROM candidates WHERE profile_id = ?", (first,)).fetchone()
        return (Profile.model_validate_json(found[0]).name if found else None) or person_id

    def profiles(self) -> list[Profile]:
        rows = self.db.execute("SELECT profile_json FROM candidates ORDER BY profile_id").fetchall()
        return [Profile.model_validate_json(json) for (json,) in rows]

    # -- a requisition opens --------------------------------------------------------------------
    def open_requisition(self, text: str, requisition_id: str, *, top_k: int = 5) -> tuple[RankedCandidate, ...]:
        """Rank everyone on file against a new requisition and store the explained shortlist."""
        requisition = skillmatch.parse_requisition(text, graph=self.graph, requisition_id=requisition_id)
        clusters = skillmatch.dedupe(self.profiles())  # each person once: the merged record
        people = [c.merged for c in clusters if c.merged is not None]
        members = {c.merged.profile_id: c.member_ids for c in clusters if c.merged is not None}
        pool = CandidatePool.from_profiles(people, graph=self.graph)
        shortlist = pool.rank(requisition, top_k=top_k)
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO requisitions VALUES (?, ?)", (requisition_id, requisition.model_dump_json())
            )
            self.db.executemany(
                "INSERT OR REPLACE INTO shortlists VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        requisition_id,
                        c.profile_id,
                        c.rank,
                        c.score,
                        c.tier,
                        ",".join(members.get(c.profile_id, ())),
                        c.model_dump_json(),  # the explanation, every contribution with its evidence
                        self.graph.fingerprint,
                        skillmatch.__version__,
                    )
                    for c in shortlist
                ],
            )
        return shortlist

    # -- audit ----------------------------------------------------------------------------------
    def audit(self, requisition_id: str, rank: int) -> None:
        """Why a stored candidate ranked where they did, read back from the ATS's own store."""
        row = self.db.execute(
            "SELECT ranked_json, members, graph_fingerprint, skillmatch_version FROM shortlists"
            " WHERE requisition_id = ? AND rank = ?",
            (requisition_id, rank),
        ).fetchone()
        ranked = RankedCandidate.model_validate_json(row[0])  # validates against the stored schema
        files = " + ".join(self.file_of(m) for m in row[1].split(",") if m)
        print(f"  audit of #{ranked.rank} ({files}), skillmatch {row[3]}, graph {row[2][:12]}:")
        print(f"    {ranked.explanation.summary}")
        for x in ranked.explanation.contributions:
            if x.feature == "must_have":
                print(f"    {x.points:5.2f} pts  {x.evidence}")

    def close(self) -> None:
        self.index.save(self.store / "candidates.dedup")  # written atomically
        self.db.close()


@contextmanager
def _store(path: str | None) -> Iterator[Path]:
    if path:
        Path(path).mkdir(parents=True, exist_ok=True)
        yield Path(path)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            yield Path(tmp)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", help="the ATS's data folder (default: a temporary one)")
    args = parser.parse_args()
    with _store(args.store) as store:
        ats = Ats(store)
        print(f"uploads ({len(ats.index)} candidates already indexed):")
        for path in sorted((HERE / "resumes").iterdir()):
            if path.is_file():
                ats.upload(path.name, path.read_bytes())
        for req_path in sorted((HERE / "requisitions").glob("*.txt")):
            shortlist = ats.open_requisition(req_path.read_text(encoding="utf-8"), req_path.stem)
            print(f"requisition {req_path.stem}: top {len(shortlist)}")
            for c in shortlist:
                print(f"  {c.rank}. {ats.name_of(req_path.stem, c.profile_id)}  {c.score:.1f} {c.tier}")
            ats.audit(req_path.stem, 1)
        ats.close()
        print(f"stored in {store}: ats.sqlite, candidates.dedup")


if __name__ == "__main__":
    main()
