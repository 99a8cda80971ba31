import Foundation
import LawCorpus
import LawIndex
import LawQuery
import LawTestSupport
import Testing

/// `LawQueries.compliance`: the shipped sample corpus's table, filters, errors, the month's
/// progress table, and an index that answers without its corpus.
@Suite("Compliance queries") struct ComplianceQueryTests {
    let queries = Fixture.queries

    /// The shipped corpus's table on 2024-06-28, every row except those 不适用, as
    /// `department obligation due status done late-working-days` (`-` for none). Checked by
    /// hand against the list files, the filings and the calendar: e.g. 交通运输局 published its
    /// 证明事项 lists on Thursday 2022-06-02, two working days after Tuesday 05-31; 文旅局's
    /// training report came on Monday 06-20, three working days after Wednesday 06-15 (16, 17,
    /// 20); 农牧局's 2023-03-01 裁量基准 was due on 03-15 (3, 6–10, 13–15) and is not filed;
    /// 交通运输局's joint action completed Wednesday 2022-09-28 was due to be reported 20 working
    /// days later, Monday 10-31 (国庆 10-01…07 off, 10-08/09 worked), and the report came on 11-03,
    /// three working days late; 市场监管局's 双随机 plan issued Friday 2022-04-15 was due on 04-28
    /// (18–22, Sunday 24 worked, 25–28) and came on 04-26.
    static let expected = """
        scjg liaison 2022-03-28 on_time 2022-03-25 -
        scjg comprehensive-enforcement-filed 2022-05-15 overdue - 532
        scjg certification-lists-published 2022-05-31 on_time 2022-05-27 -
        scjg certification-lists-filed 2022-06-10 on_time 2022-06-08 -
        scjg training-report 2022-06-15 on_time 2022-06-14 -
        scjg four-lists-published 2022-10-31 on_time 2022-10-28 -
        scjg four-lists-filed 2022-11-10 on_time 2022-11-08 -
        scjg key-supervision-published 2022-10-31 on_time 2022-10-28 -
        scjg key-supervision-filed 2022-11-10 on_time 2022-11-08 -
        scjg benchmark-published 2022-10-31 on_time 2022-10-28 -
        scjg benchmark-filed 2022-11-10 on_time 2022-11-08 -
        scjg accountability-published 2022-10-31 on_time 2022-10-28 -
        scjg accountability-filed 2022-11-10 on_time 2022-11-08 -
        scjg major-decision-filed 2022-12-10 on_time 2022-12-07 -
        scjg platform-report 2022-12-10 on_time 2022-12-08 -
        scjg monthly-report-2022-04 2022-04-25 on_time 2022-04-20 -
        scjg monthly-report-2022-05 2022-05-25 on_time 2022-05-20 -
        scjg monthly-report-2022-06 2022-06-25 on_time 2022-06-20 -
        scjg monthly-report-2022-07 2022-07-25 on_time 2022-07-20 -
        scjg monthly-report-2022-08 2022-08-25 on_time 2022-08-19 -
        scjg monthly-report-2022-09 2022-09-25 on_time 2022-09-20 -
        scjg monthly-report-2022-10 2022-10-25 on_time 2022-10-20 -
        scjg monthly-report-2022-11 2022-11-25 on_time 2022-11-18 -
        scjg monthly-report-2022-12 2022-12-25 on_time 2022-12-20 -
        scjg joint-enforcement-plan-2023 2023-02-28 on_time 2023-02-21 -
        scjg benchmark-adjusted-published@benchmark@2024-03-20 2024-04-03 on_time 2024-03-25 -
        scjg benchmark-adjusted-filed@benchmark@2024-03-20 2024-04-03 on_time 2024-04-03 -
        scjg other-lists-adjusted-published@no-penalty@2023-08-10 2023-08-24 on_time 2023-08-15 -
        scjg other-lists-adjusted-filed@no-penalty@2023-08-10 2023-08-24 late 2023-08-25 1
        scjg random-inspection-plan-2022-04-15 2022-04-28 on_time 2022-04-26 -
        jtys liaison 2022-03-28 on_time 2022-03-24 -
        jtys comprehensive-enforcement-filed 2022-05-15 overdue - 532
        jtys certification-lists-published 2022-05-31 late 2022-06-02 2
        jtys certification-lists-filed 2022-06-10 on_time 2022-06-09 -
        jtys training-report 2022-06-15 on_time 2022-06-13 -
        jtys four-lists-published 2022-10-31 on_time 2022-10-31 -
        jtys four-lists-filed 2022-11-10 on_time 2022-11-09 -
        jtys key-supervision-published 2022-10-31 on_time 2022-10-31 -
        jtys key-supervision-filed 2022-11-10 on_time 2022-11-09 -
        jtys benchmark-published 2022-10-31 on_time 2022-10-31 -
        jtys benchmark-filed 2022-11-10 on_time 2022-11-09 -
        jtys major-decision-filed 2022-12-10 overdue - 387
        jtys platform-report 2022-12-10 on_time 2022-12-09 -
        jtys monthly-report-2022-04 2022-04-25 on_time 2022-04-21 -
        jtys monthly-report-2022-05 2022-05-25 on_time 2022-05-20 -
        jtys monthly-report-2022-06 2022-06-25 on_time 2022-06-21 -
        jtys monthly-report-2022-07 2022-07-25 on_time 2022-07-21 -
        jtys monthly-report-2022-08 2022-08-25 on_time 2022-08-19 -
        jtys monthly-report-2022-09 2022-09-25 late 2022-09-27 2
        jtys monthly-report-2022-10 2022-10-25 on_time 2022-10-21 -
        jtys monthly-report-2022-11 2022-11-25 on_time 2022-11-21 -
        jtys monthly-report-2022-12 2022-12-25 on_time 2022-12-21 -
        jtys joint-enforcement-plan-2023 2023-02-28 on_time 2023-02-24 -
        jtys benchmark-adjusted-published@benchmark@2023-10-16 2023-10-30 on_time 2023-10-20 -
        jtys benchmark-adjusted-filed@benchmark@2023-10-16 2023-10-30 late 2023-10-31 1
        jtys joint-enforcement-scheme-2022-09-13 2022-09-12 on_time 2022-09-08 -
        jtys joint-enforcement-report-2022-09-28 2022-10-31 late 2022-11-03 3
        sthj liaison 2022-03-28 on_time 2022-03-28 -
        sthj comprehensive-enforcement-filed 2022-05-15 overdue - 532
        sthj certification-lists-published 2022-05-31 overdue - 520
        sthj certification-lists-filed 2022-06-10 overdue - 513
        sthj training-report 2022-06-15 on_time 2022-06-15 -
        sthj four-lists-published 2022-10-31 on_time 2022-10-31 -
        sthj four-lists-filed 2022-11-10 on_time 2022-11-09 -
        sthj key-supervision-published 2022-10-31 overdue - 416
        sthj key-supervision-filed 2022-11-10 overdue - 408
        sthj benchmark-published 2022-10-31 overdue - 416
        sthj benchmark-filed 2022-11-10 overdue - 408
        sthj major-decision-filed 2022-12-10 late 2022-12-14 3
        sthj platform-report 2022-12-10 on_time 2022-12-07 -
        sthj monthly-report-2022-04 2022-04-25 on_time 2022-04-22 -
        sthj monthly-report-2022-05 2022-05-25 on_time 2022-05-20 -
        sthj monthly-report-2022-06 2022-06-25 on_time 2022-06-22 -
        sthj monthly-report-2022-07 2022-07-25 on_time 2022-07-22 -
        sthj monthly-report-2022-08 2022-08-25 on_time 2022-08-22 -
        sthj monthly-report-2022-09 2022-09-25 on_time 2022-09-22 -
        sthj monthly-report-2022-10 2022-10-25 on_time 2022-10-21 -
        sthj monthly-report-2022-11 2022-11-25 on_time 2022-11-22 -
        sthj monthly-report-2022-12 2022-12-25 overdue - 377
        sthj joint-enforcement-plan-2023 2023-02-28 on_time 2023-02-27 -
        wlj liaison 2022-03-28 on_time 2022-03-25 -
        wlj comprehensive-enforcement-filed 2022-05-15 overdue - 532
        wlj certification-lists-published 2022-05-31 overdue - 520
        wlj certification-lists-filed 2022-06-10 overdue - 513
        wlj training-report 2022-06-15 late 2022-06-20 3
        wlj four-lists-published 2022-10-31 on_time 2022-10-31 -
        wlj four-lists-filed 2022-11-10 on_time 2022-11-09 -
        wlj key-supervision-published 2022-10-31 overdue - 416
        wlj key-supervision-filed 2022-11-10 overdue - 408
        wlj benchmark-published 2022-10-31 overdue - 416
        wlj benchmark-filed 2022-11-10 overdue - 408
        wlj major-decision-filed 2022-12-10 overdue - 387
        wlj platform-report 2022-12-10 late 2022-12-13 2
        wlj monthly-report-2022-04 2022-04-25 on_time 2022-04-22 -
        wlj monthly-report-2022-05 2022-05-25 on_time 2022-05-20 -
        wlj monthly-report-2022-06 2022-06-25 late 2022-06-28 2
        wlj monthly-report-2022-07 2022-07-25 on_time 2022-07-22 -
        wlj monthly-report-2022-08 2022-08-25 on_time 2022-08-22 -
        wlj monthly-report-2022-09 2022-09-25 on_time 2022-09-22 -
        wlj monthly-report-2022-10 2022-10-25 on_time 2022-10-21 -
        wlj monthly-report-2022-11 2022-11-25 overdue - 397
        wlj monthly-report-2022-12 2022-12-25 on_time 2022-12-22 -
        wlj joint-enforcement-plan-2023 2023-02-28 overdue - 334
        yjgl liaison 2022-03-28 on_time 2022-03-23 -
        yjgl comprehensive-enforcement-filed 2022-05-15 overdue - 532
        yjgl certification-lists-published 2022-05-31 overdue - 520
        yjgl certification-lists-filed 2022-06-10 overdue - 513
        yjgl training-report 2022-06-15 on_time 2022-06-10 -
        yjgl four-lists-published 2022-10-31 on_time 2022-10-28 -
        yjgl four-lists-filed 2022-11-10 on_time 2022-11-07 -
        yjgl key-supervision-published 2022-10-31 on_time 2022-10-28 -
        yjgl key-supervision-filed 2022-11-10 on_time 2022-11-07 -
        yjgl benchmark-published 2022-10-31 overdue - 416
        yjgl benchmark-filed 2022-11-10 overdue - 408
        yjgl major-decision-filed 2022-12-10 overdue - 387
        yjgl platform-report 2022-12-10 on_time 2022-12-09 -
        yjgl monthly-report-2022-04 2022-04-25 on_time 2022-04-22 -
        yjgl monthly-report-2022-05 2022-05-25 on_time 2022-05-20 -
        yjgl monthly-report-2022-06 2022-06-25 on_time 2022-06-22 -
        yjgl monthly-report-2022-07 2022-07-25 on_time 2022-07-22 -
        yjgl monthly-report-2022-08 2022-08-25 on_time 2022-08-22 -
        yjgl monthly-report-2022-09 2022-09-25 on_time 2022-09-22 -
        yjgl monthly-report-2022-10 2022-10-25 on_time 2022-10-21 -
        yjgl monthly-report-2022-11 2022-11-25 on_time 2022-11-22 -
        yjgl monthly-report-2022-12 2022-12-25 on_time 2022-12-22 -
        yjgl joint-enforcement-plan-2023 2023-02-28 on_time 2023-02-28 -
        nmj liaison 2022-03-28 on_time 2022-03-28 -
        nmj comprehensive-enforcement-filed 2022-05-15 overdue - 532
        nmj certification-lists-published 2022-05-31 overdue - 520
        nmj certification-lists-filed 2022-06-10 overdue - 513
        nmj training-report 2022-06-15 on_time 2022-06-15 -
        nmj four-lists-published 2022-10-31 on_time 2022-10-27 -
        nmj four-lists-filed 2022-11-10 on_time 2022-11-04 -
        nmj key-supervision-published 2022-10-31 overdue - 416
        nmj key-supervision-filed 2022-11-10 overdue - 408
        nmj benchmark-published 2022-10-31 on_time 2022-10-27 -
        nmj benchmark-filed 2022-11-10 on_time 2022-11-04 -
        nmj major-decision-filed 2022-12-10 overdue - 387
        nmj platform-report 2022-12-10 overdue - 387
        nmj monthly-report-2022-04 2022-04-25 on_time 2022-04-22 -
        nmj monthly-report-2022-05 2022-05-25 late 2022-05-26 1
        nmj monthly-report-2022-06 2022-06-25 on_time 2022-06-22 -
        nmj monthly-report-2022-07 2022-07-25 on_time 2022-07-22 -
        nmj monthly-report-2022-08 2022-08-25 on_time 2022-08-22 -
        nmj monthly-report-2022-09 2022-09-25 on_time 2022-09-22 -
        nmj monthly-report-2022-10 2022-10-25 overdue - 420
        nmj monthly-report-2022-11 2022-11-25 on_time 2022-11-22 -
        nmj monthly-report-2022-12 2022-12-25 on_time 2022-12-22 -
        nmj joint-enforcement-plan-2023 2023-02-28 late 2023-03-02 2
        nmj benchmark-adjusted-published@benchmark@2023-03-01 2023-03-15 on_time 2023-03-06 -
        nmj benchmark-adjusted-filed@benchmark@2023-03-01 2023-03-15 overdue - 323
        zrzy liaison 2022-03-28 on_time 2022-03-25 -
        zrzy certification-lists-published 2022-05-31 overdue - 520
        zrzy certification-lists-filed 2022-06-10 overdue - 513
        zrzy training-report 2022-06-15 on_time 2022-06-15 -
        zrzy four-lists-published 2022-10-31 overdue - 416
        zrzy four-lists-filed 2022-11-10 overdue - 408
        zrzy key-supervision-published 2022-10-31 overdue - 416
        zrzy key-supervision-filed 2022-11-10 overdue - 408
        zrzy benchmark-published 2022-10-31 overdue - 416
        zrzy benchmark-filed 2022-11-10 overdue - 408
        zrzy major-decision-filed 2022-12-10 overdue - 387
        zrzy platform-report 2022-12-10 overdue - 387
        zrzy monthly-report-2022-04 2022-04-25 on_time 2022-04-21 -
        zrzy monthly-report-2022-05 2022-05-25 on_time 2022-05-20 -
        zrzy monthly-report-2022-06 2022-06-25 on_time 2022-06-21 -
        zrzy monthly-report-2022-07 2022-07-25 overdue - 482
        zrzy monthly-report-2022-08 2022-08-25 overdue - 459
        zrzy monthly-report-2022-09 2022-09-25 overdue - 439
        zrzy monthly-report-2022-10 2022-10-25 overdue - 420
        zrzy monthly-report-2022-11 2022-11-25 overdue - 397
        zrzy monthly-report-2022-12 2022-12-25 overdue - 377
        zrzy joint-enforcement-plan-2023 2023-02-28 overdue - 334
        zjj liaison 2022-03-28 on_time 2022-03-28 -
        zjj certification-lists-published 2022-05-31 overdue - 520
        zjj certification-lists-filed 2022-06-10 overdue - 513
        zjj training-report 2022-06-15 overdue - 510
        zjj four-lists-published 2022-10-31 overdue - 416
        zjj four-lists-filed 2022-11-10 overdue - 408
        zjj key-supervision-published 2022-10-31 overdue - 416
        zjj key-supervision-filed 2022-11-10 overdue - 408
        zjj benchmark-published 2022-10-31 overdue - 416
        zjj benchmark-filed 2022-11-10 overdue - 408
        zjj major-decision-filed 2022-12-10 overdue - 387
        zjj platform-report 2022-12-10 overdue - 387
        zjj monthly-report-2022-04 2022-04-25 overdue - 544
        zjj monthly-report-2022-05 2022-05-25 overdue - 524
        zjj monthly-report-2022-06 2022-06-25 overdue - 503
        zjj monthly-report-2022-07 2022-07-25 overdue - 482
        zjj monthly-report-2022-08 2022-08-25 overdue - 459
        zjj monthly-report-2022-09 2022-09-25 overdue - 439
        zjj monthly-report-2022-10 2022-10-25 overdue - 420
        zjj monthly-report-2022-11 2022-11-25 overdue - 397
        zjj monthly-report-2022-12 2022-12-25 overdue - 377
        zjj joint-enforcement-plan-2023 2023-02-28 overdue - 334
        wjw liaison 2022-03-28 late 2022-03-29 1
        wjw certification-lists-published 2022-05-31 overdue - 520
        wjw certification-lists-filed 2022-06-10 overdue - 513
        wjw training-report 2022-06-15 on_time 2022-06-14 -
        wjw four-lists-published 2022-10-31 overdue - 416
        wjw four-lists-filed 2022-11-10 overdue - 408
        wjw key-supervision-published 2022-10-31 overdue - 416
        wjw key-supervision-filed 2022-11-10 overdue - 408
        wjw benchmark-published 2022-10-31 overdue - 416
        wjw benchmark-filed 2022-11-10 overdue - 408
        wjw major-decision-filed 2022-12-10 overdue - 387
        wjw platform-report 2022-12-10 overdue - 387
        wjw monthly-report-2022-04 2022-04-25 on_time 2022-04-22 -
        wjw monthly-report-2022-05 2022-05-25 on_time 2022-05-20 -
        wjw monthly-report-2022-06 2022-06-25 on_time 2022-06-22 -
        wjw monthly-report-2022-07 2022-07-25 overdue - 482
        wjw monthly-report-2022-08 2022-08-25 overdue - 459
        wjw monthly-report-2022-09 2022-09-25 overdue - 439
        wjw monthly-report-2022-10 2022-10-25 overdue - 420
        wjw monthly-report-2022-11 2022-11-25 overdue - 397
        wjw monthly-report-2022-12 2022-12-25 overdue - 377
        wjw joint-enforcement-plan-2023 2023-02-28 overdue - 334
        slj liaison 2022-03-28 on_time 2022-03-25 -
        slj certification-lists-published 2022-05-31 overdue - 520
        slj certification-lists-filed 2022-06-10 overdue - 513
        slj training-report 2022-06-15 overdue - 510
        slj four-lists-published 2022-10-31 overdue - 416
        slj four-lists-filed 2022-11-10 overdue - 408
        slj key-supervision-published 2022-10-31 overdue - 416
        slj key-supervision-filed 2022-11-10 overdue - 408
        slj benchmark-published 2022-10-31 overdue - 416
        slj benchmark-filed 2022-11-10 overdue - 408
        slj major-decision-filed 2022-12-10 overdue - 387
        slj platform-report 2022-12-10 overdue - 387
        slj monthly-report-2022-04 2022-04-25 overdue - 544
        slj monthly-report-2022-05 2022-05-25 overdue - 524
        slj monthly-report-2022-06 2022-06-25 overdue - 503
        slj monthly-report-2022-07 2022-07-25 overdue - 482
        slj monthly-report-2022-08 2022-08-25 overdue - 459
        slj monthly-report-2022-09 2022-09-25 overdue - 439
        slj monthly-report-2022-10 2022-10-25 overdue - 420
        slj monthly-report-2022-11 2022-11-25 overdue - 397
        slj monthly-report-2022-12 2022-12-25 overdue - 377
        slj joint-enforcement-plan-2023 2023-02-28 overdue - 334
        lcj liaison 2022-03-28 late 2022-03-31 3
        lcj certification-lists-published 2022-05-31 overdue - 520
        lcj certification-lists-filed 2022-06-10 overdue - 513
        lcj training-report 2022-06-15 overdue - 510
        lcj four-lists-published 2022-10-31 overdue - 416
        lcj four-lists-filed 2022-11-10 overdue - 408
        lcj key-supervision-published 2022-10-31 overdue - 416
        lcj key-supervision-filed 2022-11-10 overdue - 408
        lcj benchmark-published 2022-10-31 overdue - 416
        lcj benchmark-filed 2022-11-10 overdue - 408
        lcj major-decision-filed 2022-12-10 overdue - 387
        lcj platform-report 2022-12-10 overdue - 387
        lcj monthly-report-2022-04 2022-04-25 overdue - 544
        lcj monthly-report-2022-05 2022-05-25 overdue - 524
        lcj monthly-report-2022-06 2022-06-25 overdue - 503
        lcj monthly-report-2022-07 2022-07-25 overdue - 482
        lcj monthly-report-2022-08 2022-08-25 overdue - 459
        lcj monthly-report-2022-09 2022-09-25 overdue - 439
        lcj monthly-report-2022-10 2022-10-25 overdue - 420
        lcj monthly-report-2022-11 2022-11-25 overdue - 397
        lcj monthly-report-2022-12 2022-12-25 overdue - 377
        lcj joint-enforcement-plan-2023 2023-02-28 overdue - 334
        cgj liaison 2022-03-28 on_time 2022-03-28 -
        cgj certification-lists-published 2022-05-31 overdue - 520
        cgj certification-lists-filed 2022-06-10 overdue - 513
        cgj training-report 2022-06-15 overdue - 510
        cgj four-lists-published 2022-10-31 overdue - 416
        cgj four-lists-filed 2022-11-10 overdue - 408
        cgj key-supervision-published 2022-10-31 overdue - 416
        cgj key-supervision-filed 2022-11-10 overdue - 408
        cgj benchmark-published 2022-10-31 overdue - 416
        cgj benchmark-filed 2022-11-10 overdue - 408
        cgj major-decision-filed 2022-12-10 overdue - 387
        cgj platform-report 2022-12-10 overdue - 387
        cgj monthly-report-2022-04 2022-04-25 overdue - 544
        cgj monthly-report-2022-05 2022-05-25 overdue - 524
        cgj monthly-report-2022-06 2022-06-25 overdue - 503
        cgj monthly-report-2022-07 2022-07-25 overdue - 482
        cgj monthly-report-2022-08 2022-08-25 overdue - 459
        cgj monthly-report-2022-09 2022-09-25 overdue - 439
        cgj monthly-report-2022-10 2022-10-25 overdue - 420
        cgj monthly-report-2022-11 2022-11-25 overdue - 397
        cgj monthly-report-2022-12 2022-12-25 overdue - 377
        cgj joint-enforcement-plan-2023 2023-02-28 overdue - 334
        gltz comprehensive-enforcement-filed 2022-05-15 on_time 2022-05-13 -
        wszz comprehensive-enforcement-filed 2022-05-15 on_time 2022-05-13 -
        tkz comprehensive-enforcement-filed 2022-05-15 overdue - 532
        wltlgz comprehensive-enforcement-filed 2022-05-15 overdue - 532
        wddhz comprehensive-enforcement-filed 2022-05-15 overdue - 532
        sldsm comprehensive-enforcement-filed 2022-05-15 overdue - 532
        """

    @Test func theShippedSampleTableIsTheOneCheckedByHand() throws {
        let report = try queries.compliance(asOf: "2024-06-28")
        #expect(report.asOf == "2024-06-28")
        let lines = report.rows.filter { $0.status != .notApplicable }.map { row in
            let late = row.lateWorkingDays.map(String.init) ?? "-"
            return "\(row.departmentID) \(row.obligation) \(row.due) \(row.status) \(row.done ?? "-") \(late)"
        }
        let expected = Self.expected.split(separator: "\n").map(String.init)
        #expect(lines.count == expected.count)
        for (line, wanted) in zip(lines, expected) where line != wanted {
            Issue.record("got \(line), expected \(wanted)")
        }
        #expect(report.rows.filter { $0.status == .notApplicable }.count == 197)
        // Every status of the sample county shows, and each department is neither all on time nor all late.
        #expect(Set(report.rows.map(\.status)) == [.onTime, .late, .overdue, .notApplicable])
        let early = try queries.compliance(asOf: "2022-10-20")
        #expect(early.rows.contains { $0.status == .notDue })
        #expect(report.rows.allSatisfy { row in row.evidence.allSatisfy(\.sample) })
    }

    @Test func oneDepartmentByAnyOfItsNames() throws {
        let report = try queries.compliance(department: "市监局", asOf: "2024-06-28")
        #expect(!report.rows.isEmpty)
        #expect(report.rows.allSatisfy { $0.departmentID == "scjg" && $0.department == "乌审旗市场监督管理局" })
        #expect(throws: QueryError.self) { try queries.compliance(department: "气象局") }
    }

    @Test func overdueOnlyListsTheOverdueRows() throws {
        let report = try queries.compliance(asOf: "2024-06-28", overdueOnly: true)
        #expect(report.rows.count == Self.expected.split(separator: "\n").filter { $0.contains(" overdue ") }.count)
        #expect(report.rows.allSatisfy { $0.status == .overdue && $0.lateWorkingDays != nil })
    }

    @Test func aDayOutsideTheCalendarIsAClearError() {
        do {
            _ = try queries.compliance(asOf: "2030-01-02")
            Issue.record("a day outside the calendar was answered")
        } catch .invalidParameter(let name, let message) {
            #expect(name == "as_of")
            #expect(message.contains("2022—2026"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func relativeDeadlinesGetTheDueDatesOfTheDepartmentsVersions() throws {
        let deadlines = try queries.deadlines(department: "交通运输局", asOf: "2024-06-28")
        let benchmark = try #require(
            deadlines.first { $0.deadline.rule == "动态调整后10个工作日内" && $0.deadline.measure.hasPrefix("二、（三）") })
        #expect(benchmark.deadline.due == nil)
        #expect(benchmark.compliance.map(\.due) == ["2023-10-30", "2023-10-30"])
        #expect(benchmark.compliance.map(\.status) == [.onTime, .late])
        let october = try #require(deadlines.first { $0.deadline.due == "2022-10-31" })
        #expect(!october.compliance.isEmpty)
    }

    @Test func theMonthsProgressTableHasRowsOfTextUnderChineseHeaders() throws {
        let table = try queries.progressTable(month: "2022-11", department: "农牧局")
        #expect(table.asOf == "2022-11-30")
        #expect(table.headers == ["部门", "工作任务", "完成时限", "完成情况", "完成时间", "情况说明"])
        #expect(table.rows.allSatisfy { $0.count == 6 && $0[0] == "乌审旗农牧局" })
        let october = try #require(table.rows.first { $0[1].hasPrefix("报送本月工作任务开展情况表（附件3）（2022-10）") })
        #expect(october[3] == "逾期未完成")
        #expect(october[5].hasPrefix("截至 2022-11-30 逾期 "))
        let filed = try #require(table.rows.first { $0[1].hasPrefix("报送备案“四张清单”") })
        #expect(filed[3] == "按时")
        #expect(filed[4] == "2022-11-04")
        #expect(filed[5].contains("（示例）"))
        #expect(throws: QueryError.self) { try queries.progressTable(month: "2022-13") }
    }

    @Test func theIndexAloneAnswersWithoutItsCorpus() throws {
        let corpus = try TestRepository.corpusCopy("lawkb-compliance-index")
        let index = corpus.deletingLastPathComponent().appendingPathComponent("lawkb.sqlite").path
        _ = try IndexBuilder(corpusRoot: corpus.path).build(to: index)
        try FileManager.default.removeItem(at: corpus)
        let alone = LawQueries(try KnowledgeBase(path: index))
        // The same table; only the evidence's file paths name the other corpus.
        func withoutFolders(_ report: ComplianceReport) -> ComplianceReport {
            var report = report
            for r in report.rows.indices {
                for e in report.rows[r].evidence.indices {
                    let file = report.rows[r].evidence[e].file
                    report.rows[r].evidence[e].file = String(file[(file.range(of: "Corpus/")?.upperBound ?? file.startIndex)...])
                }
            }
            return report
        }
        let fromIndex = withoutFolders(try alone.compliance(asOf: "2024-06-28"))
        #expect(fromIndex == withoutFolders(try queries.compliance(asOf: "2024-06-28")))
        #expect(fromIndex.rows.count > 400)
    }

    @Test func aPublicIndexHoldsNoObligationsOrFilings() throws {
        let published = LawQueries(try KnowledgeBase(path: SharedIndex.published.path), publicOnly: true)
        #expect(throws: QueryError.self) { try published.compliance(asOf: "2024-06-28") }
        #expect(SharedIndex.published.report.obligations == 0)
        #expect(SharedIndex.published.report.filings == 0)
        // 15 dated obligations, 9 monthly reports, 1 yearly declaration; every shipped filing.
        #expect(SharedIndex.full.report.obligations == 25)
        let filings =
            FileManager.default.enumerator(atPath: TestRepository.corpus + "/filings")?
            .allObjects.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") } ?? []
        #expect(SharedIndex.full.report.filings == filings.count)
    }
}
