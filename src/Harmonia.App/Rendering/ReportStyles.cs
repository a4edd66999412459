namespace Harmonia.App.Rendering;

/// <summary>The stylesheet inlined into every HTML report, so a report is one file that renders anywhere and prints well.</summary>
public static class ReportStyles
{
    public const string Css = """
        :root{--ink:#1b2430;--muted:#5b6573;--line:#dde2e8;--bg:#f5f7fa;--accent:#2b4c7e}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 "Segoe UI",system-ui,-apple-system,"DejaVu Sans",sans-serif;color:var(--ink);background:var(--bg)}
        header.top{display:flex;gap:12px;align-items:baseline;padding:14px 32px;background:var(--accent);color:#fff}
        header.top .brand{font-weight:700;letter-spacing:.04em}
        header.top .kind{opacity:.8}
        main{max-width:1180px;margin:0 auto;padding:24px 32px 48px}
        h1{font-size:28px;margin:8px 0 4px}
        h1 .sub{display:block;font-size:17px;font-weight:500;color:var(--muted)}
        h2{font-size:19px;margin:0 0 12px}
        h3{font-size:16px;margin:28px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--line)}
        h3 .pct{float:right;color:var(--muted);font-weight:600}
        .lead{color:var(--muted);margin:0 0 20px}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:16px}
        .card{display:flex;gap:16px;align-items:center;background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px 18px}
        .card .label{font-weight:600;font-size:16px}
        .card .counts{color:var(--muted);font-size:13.5px}
        .note{color:var(--muted);font-size:13px;margin:8px 2px 20px}
        .panel{background:#fff;border:1px solid var(--line);border-radius:10px;padding:20px 22px;margin:18px 0}
        .panel.two{display:grid;grid-template-columns:3fr 2fr;gap:24px}
        .recommend{background:#eef3fb;border-left:4px solid var(--accent);padding:12px 16px;border-radius:6px}
        table{width:100%;border-collapse:collapse;font-size:14px}
        th{text-align:left;font-size:12.5px;text-transform:uppercase;letter-spacing:.03em;color:var(--muted);border-bottom:1px solid var(--line);padding:6px 8px}
        td{vertical-align:top;border-bottom:1px solid var(--line);padding:8px}
        td.ref{white-space:nowrap;font-weight:600}
        td.ref a{color:var(--accent)}
        .t{font-weight:600}
        .sum{color:var(--muted);font-size:13px}
        .basis{color:var(--muted);font-size:12px;margin-top:2px}
        .badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff;white-space:nowrap}
        .badge.s{background:#1f7a4d}.badge.p{background:#b7860f}.badge.o{background:#c2413b}.badge.n{background:#8a929c}
        details{margin-top:6px}
        summary{cursor:pointer;color:var(--accent);font-size:13px}
        ol.prov{margin:6px 0 0 18px;padding:0;font-size:13px}
        ol.prov ul{margin:4px 0 8px 16px;padding:0;color:var(--muted)}
        code{font-size:12.5px;background:#f0f2f5;padding:0 3px;border-radius:3px}
        .legend{font-size:13px;color:var(--muted)}
        .sw{display:inline-block;width:11px;height:11px;border-radius:2px;margin:0 4px 0 12px;vertical-align:-1px}
        .sw.s{background:#1f7a4d}.sw.p{background:#d9a21b}.sw.o{background:#c2413b}.sw.n{background:#b8bec7}
        footer{max-width:1180px;margin:0 auto;padding:0 32px 32px;color:var(--muted);font-size:12.5px}
        @media (max-width:800px){.panel.two{grid-template-columns:1fr}main{padding:16px}}
        @media print{body{background:#fff}header.top{background:#fff;color:var(--ink);border-bottom:2px solid var(--ink)}.panel,.card{break-inside:avoid;border-color:#bbb}details{display:block}details>*{display:block}}
        """;
}
