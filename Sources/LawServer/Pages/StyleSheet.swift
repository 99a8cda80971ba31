extension HTML {
    /// The one style sheet of every page, inline (the page's CSP allows no external files).
    ///
    /// Each rule's selector is declared once per block (the top level and the narrow-screen
    /// `@media` block); a rule added for a selector joins its existing declaration.
    static let styleSheet: HTML = """
        :root{--ink:#1f2933;--muted:#52606d;--line:#d9e2ec;--accent:#0b4f8a;--bg:#f5f7fa}
        *{box-sizing:border-box}
        body{margin:0;color:var(--ink);background:var(--bg);font:16px/1.7 "PingFang SC","Hiragino Sans GB","Microsoft YaHei",\
        "Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
        a{color:var(--accent)}
        .top{background:var(--accent);color:#fff}
        .bar{max-width:56rem;margin:0 auto;padding:.6rem 1rem;display:flex;flex-wrap:wrap;align-items:center;\
        justify-content:space-between;gap:.5rem}
        .brand{color:#fff;font-weight:700;font-size:1.15rem;text-decoration:none}
        .top nav a{color:#fff;margin-left:1.2rem;text-decoration:none;opacity:.85;white-space:nowrap}
        .top nav a[aria-current=page]{opacity:1;border-bottom:2px solid #fff}
        main{max-width:56rem;margin:0 auto;padding:1.2rem 1rem 2rem;background:#fff;min-height:60vh}
        h1{font-size:1.5rem;margin:.2rem 0 1rem}
        h2{font-size:1.1rem;margin:0}
        form.search{display:flex;flex-wrap:wrap;gap:.5rem;margin-bottom:.4rem}
        form.search input[type=search]{flex:1 1 18rem;font:inherit;padding:.45rem .7rem;border:1px solid #9aa5b1;border-radius:4px}
        form.search select,form.search button{font:inherit;padding:.45rem .6rem;border:1px solid #9aa5b1;border-radius:4px;background:#fff}
        form.search button{background:var(--accent);border-color:var(--accent);color:#fff;padding:.45rem 1.2rem;cursor:pointer}
        .hint{color:var(--muted);font-size:.85rem;margin:.2rem 0 1.2rem}
        .hint code{background:var(--bg);padding:0 .25rem;border-radius:3px}
        .summary{color:var(--muted);border-bottom:1px solid var(--line);padding-bottom:.5rem}
        ol.results{list-style:none;padding:0;margin:0}
        ol.results li{padding:.8rem 0;border-bottom:1px solid var(--line)}
        .where{color:var(--muted);font-size:.85rem;margin:.1rem 0 .3rem}
        .snippet{margin:0;white-space:pre-line}
        mark{background:#ffe58f;color:inherit;padding:0 .05em}
        .kind{display:inline-block;font-size:.75rem;color:var(--accent);border:1px solid var(--accent);border-radius:3px;\
        padding:0 .3rem;margin-right:.4rem;vertical-align:.1em}
        .sample{display:inline-block;font-size:.75rem;color:#8a4b00;background:#fff3d6;border:1px solid #e5a53b;border-radius:3px;\
        padding:0 .3rem;margin-left:.4rem}
        .pager{display:flex;justify-content:space-between;align-items:center;margin-top:1rem}
        .error{background:#fdecea;border-left:4px solid #c62828;padding:.6rem .9rem;margin:1rem 0}
        .crumbs{font-size:.85rem;color:var(--muted);margin-bottom:.4rem}
        .meta{color:var(--muted);margin-top:-.6rem}
        .law-text p{margin:.4rem 0;text-indent:2em}
        .neighbours{display:flex;justify-content:space-between;margin:1.5rem 0 0;padding-top:.8rem;border-top:1px solid var(--line)}
        section.citing{margin-top:2rem;padding:1rem;background:var(--bg);border:1px solid var(--line);border-radius:4px}
        section.citing ul{margin:.5rem 0 0;padding-left:1.2rem}
        table{border-collapse:collapse;width:100%;font-size:.92rem}
        th,td{border-bottom:1px solid var(--line);padding:.45rem .4rem;text-align:left;vertical-align:top}
        th{background:var(--bg);white-space:nowrap}
        td.due{white-space:nowrap;font-variant-numeric:tabular-nums}
        .rule{color:var(--muted);font-size:.85rem}
        .documents td:last-child{text-align:right;white-space:nowrap}
        footer{max-width:56rem;margin:0 auto;padding:1rem;color:var(--muted);font-size:.8rem}
        .filters{margin:.2rem 0 .8rem;font-size:.9rem}
        form.search details{flex:1 0 100%;margin:0}
        .filters summary{cursor:pointer;color:var(--accent)}
        .filters .row,form.plain{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin-top:.5rem}
        form.plain{margin-bottom:1rem}
        .filters select,.filters input,form.plain select,form.plain input,form.plain button{font:inherit;font-size:.9rem;\
        padding:.3rem .5rem;border:1px solid #9aa5b1;border-radius:4px;background:#fff}
        form.plain button{background:var(--accent);border-color:var(--accent);color:#fff;cursor:pointer}
        .notice{background:#eef4fb;border-left:4px solid var(--accent);padding:.5rem .9rem;margin:.8rem 0}
        .answer{margin:.8rem 0 1.4rem;overflow-wrap:anywhere}
        .answer .understood{font-weight:600;margin:.2rem 0 .5rem}
        .suggest a{margin-right:.2rem}
        .list-note{color:var(--muted);font-size:.92rem}
        section.department,section.change,section.history,section.items{margin-top:1.6rem}
        section.department h2 .rule{font-weight:400;margin-left:.5rem}
        td.kind-cell{font-weight:600}
        .in-force{color:#1b5e20;font-weight:600}
        .replaced{color:var(--muted)}
        .pending{color:#8a4b00}
        article.item{margin:1.2rem 0;padding-top:.8rem;border-top:1px solid var(--line)}
        article.item h3{font-size:1.02rem;margin:0 0 .4rem}
        .item-id{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.8rem;color:var(--muted);font-weight:400;margin-left:.5rem}
        table.item-fields th{width:6.5rem;background:none;color:var(--muted);font-weight:400}
        table.levels{margin-top:.5rem;table-layout:fixed}
        table.levels td.level{white-space:nowrap;font-weight:600}
        .amount{white-space:nowrap;font-variant-numeric:tabular-nums}
        tr[aria-current] td{background:#f0f7ee}
        table.diff td.before{background:#fdf0ef;width:42%}
        table.diff td.after{background:#eef8ee;width:42%}
        table.diff th[scope=row]{white-space:normal;background:none;color:var(--muted);font-weight:400;width:16%}
        .absent{color:var(--muted);font-style:italic}
        ul.items-added li::marker{content:"＋ "}
        ul.items-removed li::marker{content:"－ "}
        section.citing h3{font-size:1rem;margin:1rem 0 .2rem}
        section.citing h3 .rule{font-weight:400}
        ul.cited-by{margin:.2rem 0 0;padding-left:1.2rem}
        ul.cited-by li{margin:.25rem 0}
        table.levels th:first-child{width:4.8rem}
        table.levels th:last-child{width:9rem}
        section.change{border-top:2px solid var(--line);padding-top:.8rem}
        section.change h2{margin-bottom:.3rem}
        section.change .meta{margin-top:0}
        section.change h3{font-size:1rem;margin:1rem 0 .3rem}
        section.change h4{font-size:.95rem;margin:1rem 0 .3rem}
        .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        .table-scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%;margin:.4rem 0;\
        background:linear-gradient(to right,#fff 30%,rgba(255,255,255,0)),linear-gradient(to right,rgba(255,255,255,0),\
        #fff 70%) 100% 0,radial-gradient(farthest-side at 0 50%,rgba(0,0,0,.18),rgba(0,0,0,0)),\
        radial-gradient(farthest-side at 100% 50%,rgba(0,0,0,.18),rgba(0,0,0,0)) 100% 0;background-repeat:no-repeat;\
        background-size:40px 100%,40px 100%,12px 100%,12px 100%;background-attachment:local,local,scroll,scroll}
        table.lists td:not(.kind-cell),table.versions td:not(:nth-child(2)){white-space:nowrap}
        table.lists td.kind-cell{min-width:7rem}
        table.versions td:nth-child(2){min-width:12rem}
        table.parameters th:first-child{width:8rem}
        table.parameters td.rule{white-space:nowrap}
        .table-scroll>table{min-width:34rem}
        .table-scroll>table.codes{min-width:0}
        .table-scroll>table.parameters{min-width:0}
        table.documents td:nth-child(2){white-space:nowrap}
        table.codes th{background:none;font-weight:400}
        section.endpoint{margin-top:1.4rem;padding-top:.6rem;border-top:1px solid var(--line)}
        section.endpoint h3{font-size:1rem;margin:0 0 .3rem;overflow-wrap:anywhere}
        .example{font-size:.9rem;overflow-wrap:anywhere}
        code{overflow-wrap:anywhere}
        p.statute{margin:.5rem 0 .2rem;font-size:.9rem}
        p.statute .rule{margin-right:.4rem}
        td.verdict{font-size:.85rem}
        td.verdict.within{color:#1b5e20}
        td.verdict.beyond{color:#b71c1c;font-weight:600}
        td.verdict.unchecked,p.statute.unchecked{color:#8a4b00}
        table.checked th:nth-child(4){width:7.5rem}
        table.checked th:last-child{width:9rem}
        .cite-version{color:var(--muted);font-size:.8rem;margin-left:.15rem;white-space:nowrap}
        .cite.missing{text-decoration:underline dotted #c62828}
        .version-tag{font-size:.85rem;font-weight:400;color:var(--muted);margin-left:.6rem;white-space:nowrap}
        ol.outline{list-style:none;padding:0;margin:.3rem 0 1rem}
        ol.outline li{padding:.2rem 0;border-bottom:1px dotted var(--line)}
        ol.outline .opening{color:var(--muted)}
        ol.outline a.cited{font-size:.8rem;white-space:nowrap;margin-left:.3rem}
        section.chapter h2{margin-top:1.2rem}
        table.versions caption{text-align:left;font-weight:600;padding:.3rem 0}
        body.wide main,body.wide .bar,body.wide footer{max-width:78rem}
        .compared{display:grid;grid-template-columns:1fr 1fr;gap:1rem;margin:.4rem 0 .6rem}
        .compared .facts{border:1px solid var(--line);border-radius:4px;padding:.5rem .8rem}
        .compared .facts p{margin:.2rem 0 0;color:var(--muted);font-size:.9rem}
        .counts{font-weight:600;margin:.6rem 0 .3rem}
        .legend{font-size:.9rem;color:var(--muted);margin:.3rem 0 .6rem}
        del{text-decoration:line-through;text-decoration-thickness:2px;background:#fde7e5;color:#8e1b1b}
        ins{text-decoration:underline;text-decoration-thickness:2px;font-weight:700;background:#e3f4e3;color:#14532d}
        .compare-filters{display:flex;flex-wrap:wrap;gap:.4rem;margin:.6rem 0 1rem}
        .compare-filters a{padding:.2rem .7rem;border:1px solid var(--accent);border-radius:999px;text-decoration:none}
        .compare-filters a[aria-current=page]{background:var(--accent);color:#fff}
        section.pairs,section.singles{margin-top:1.2rem}
        section.pairs>h2,section.singles>h2{margin-bottom:.4rem}
        .columns{display:grid;grid-template-columns:1fr 1fr;gap:1.2rem;position:sticky;top:0;background:#fff;font-weight:600;\
        color:var(--muted);border-bottom:2px solid var(--line);padding:.3rem 0;z-index:1}
        .pair{display:grid;grid-template-columns:1fr 1fr;gap:1.2rem;padding:.7rem 0;border-bottom:1px solid var(--line)}
        details.pair{display:block;padding:.35rem 0}
        details.pair summary{cursor:pointer;color:var(--muted);font-size:.92rem}
        details.pair .diff{margin-top:.3rem}
        .side-label{margin:0 0 .2rem;font-size:.9rem;color:var(--muted)}
        .side-label a{font-weight:600}
        .change{display:inline-block;margin-left:.5rem;font-size:.8rem;font-weight:600;color:var(--ink);border:1px solid var(--muted);\
        border-radius:3px;padding:0 .3rem}
        .diff{white-space:pre-line;overflow-wrap:anywhere}
        .single{padding:.6rem 0;border-bottom:1px solid var(--line)}
        [id^=from-],[id^=to-]{scroll-margin-top:3rem}
        [id^=from-]:target,[id^=to-]:target{background:#fff3c4;outline:2px solid #e5a53b}
        .counterparts{margin:.2rem 0;padding-left:1.2rem}
        div.notice p{margin:.2rem 0}
        .cite-current{display:inline-block;font-size:.8rem;color:#8a4b00;margin-left:.3rem}
        .status{display:inline-block;padding:0 .45rem;border:1px solid;border-radius:3px;font-weight:600;font-size:.85rem;\
        white-space:nowrap}
        .st-overdue{color:#fff;background:#b71c1c;border-color:#b71c1c}
        .st-late{color:#6d3600;background:#ffe3bf;border-color:#e59a3b}
        .st-not-due{color:#0b4f8a;background:#e6eff9;border-color:#8fb3d9}
        .st-on-time{color:#1b5e20;background:#e7f4e7;border-color:#8cc58f}
        .st-na{color:var(--muted);background:var(--bg);border-color:var(--line);font-weight:400}
        ul.tally{list-style:none;display:flex;flex-wrap:wrap;gap:.3rem 1.1rem;padding:0;margin:.2rem 0 1rem}
        table.compliance-overview td.count{text-align:center;font-variant-numeric:tabular-nums}
        table.compliance-overview th[scope=row]{background:none;white-space:normal;font-weight:400}
        table.compliance-overview thead th:not(:first-child){white-space:normal;text-align:center;width:12%}
        .table-scroll>table.compliance-overview{min-width:0}
        table.compliance tr.row-overdue td:first-child{border-left:4px solid #b71c1c}
        table.compliance tr.row-late td:first-child{border-left:4px solid #e59a3b}
        table.compliance td:first-child{width:9.5rem;background:none;color:inherit}
        table.compliance td.due{width:6.5rem}
        table.compliance td[data-label=部门]{width:11rem}
        ul.evidence{list-style:none;padding:0;margin:0}
        ul.evidence li+li{margin-top:.35rem}
        details.not-applicable{margin:1rem 0;font-size:.92rem}
        details.not-applicable summary{cursor:pointer}
        details.not-applicable ul{margin:.4rem 0 0;padding-left:1.2rem;columns:2 22rem}
        @page{size:A4;margin:16mm 14mm}
        @media (max-width:40rem){
        .bar{padding:.5rem .75rem}
        .top nav a{margin-left:.9rem}
        main{padding:1rem .75rem 1.5rem}
        table.item-fields th{width:4.6rem}
        table.stack,table.stack tbody,table.stack tr,table.stack td,table.stack th[scope=row]{display:block;width:auto}
        table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        table.stack{table-layout:auto}
        table.stack tr{border-bottom:1px solid var(--line);padding:.5rem 0}
        table.stack td,table.stack th[scope=row]{border:0;padding:.15rem .3rem}
        table.stack td.before,table.stack td.after{width:auto}
        table.stack th[scope=row]{font-weight:600;color:var(--ink)}
        table.stack td[data-label]::before{content:attr(data-label);display:block;color:var(--muted);font-size:.8rem}
        .compared,.pair{grid-template-columns:1fr;gap:.4rem}
        .columns{display:none}
        .side.new{border-left:3px solid var(--line);padding-left:.6rem}
        .side.old{padding-left:.6rem;border-left:3px dotted var(--line)}
        table.compliance td:first-child,table.compliance td.due,table.compliance td[data-label=部门]{width:auto}
        table.compliance-overview{font-size:.85rem}
        table.compliance-overview th,table.compliance-overview td{padding:.35rem .15rem}
        }
        @media print{
        body{background:#fff;color:#000;font-size:11pt;line-height:1.6}
        .top,footer,.crumbs,.compare-filters,form.search,.filters,.neighbours,.pager{display:none}
        main,body.wide main{max-width:none;margin:0;padding:0;min-height:0;background:#fff}
        a{color:#000;text-decoration:none}
        del,ins{background:none;color:#000}
        .columns{position:static;color:#000;border-bottom:1px solid #000}
        .pair,.single,details.pair{break-inside:avoid;page-break-inside:avoid;border-bottom:1px solid #999}
        h1,h2{break-after:avoid;page-break-after:avoid}
        .compared .facts,.change{border-color:#000}
        .side-label,.legend,.compared .facts p,details.pair summary,.meta,.rule{color:#000}
        [id^=from-]:target,[id^=to-]:target{background:none;outline:none}
        .notice{border-left-color:#000;background:none}
        }
        """
}
