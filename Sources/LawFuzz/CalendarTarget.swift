// The targets reach the corpus parsers' internal entry points, as the tests do: they are
// compiled where the modules are built for testing, in debug builds and by Benchmarks/fuzz.sh.
#if DEBUG || LAWKB_LIBFUZZER
    import LawCorpus

    /// The working-day calendar file (`Corpus/calendar/workdays.yaml`).
    enum CalendarTarget {
        static let file = "Corpus/calendar/workdays.yaml"

        /// A calendar whose counts agree with each other (the n-th working day after a day is a
        /// working day, later than it, and n working days away); or the file is refused with one
        /// visible line naming it.
        static func workdays(_ text: String) {
            let calendar: WorkingDayCalendar
            do {
                calendar = try WorkingDayCalendar(file: file, yaml: text)
            } catch {
                Invariant.check(error.file == file, "error names \(error.file)")
                Invariant.check(Invariant.isOneVisibleLine(error.description), "error is not one visible line")
                return
            }
            let years = calendar.coveredYears
            for year in [years.lowerBound, years.upperBound] {
                guard let start = CalendarDate(year: year, month: 1, day: 1) else { continue }
                for n in [1, 10, 20, 250] {
                    guard let due = try? calendar.addingWorkingDays(n, to: start) else { continue }
                    Invariant.check(due > start, "\(n) working days after \(start) is \(due)")
                    Invariant.check((try? calendar.isWorkingDay(due)) == true, "\(due) is not a working day")
                    Invariant.check((try? calendar.workingDays(from: start, to: due)) == n, "count from \(start) to \(due)")
                }
            }
        }
    }
#endif
