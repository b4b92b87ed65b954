import GlueColumnar
import GlueCore

/// `avg`, `var_samp`, `var_pop`, `stddev_samp`, `stddev_pop`, `skewness` and `kurtosis` from the
/// count, mean and central moments M2...M4 per group, updated and merged with the one-pass
/// formulas Spark's `CentralMomentAgg` uses (Welford, Pébay), so results do not depend on how rows
/// were split between workers beyond rounding.
///
/// Results follow Spark 3 without legacy statistics: null for a group without values; for one
/// value, `var_samp`/`stddev_samp` are null; `skewness`/`kurtosis` are null when M2 is 0.
/// `kurtosis` is the excess kurtosis, `skewness` the population skewness.
struct MomentsAccumulator: Accumulator {
    let function: AggFunc
    var n: [Double] = []
    var mean: [Double] = []
    var m2: [Double] = []
    var m3: [Double] = []
    var m4: [Double] = []

    init(function: AggFunc) { self.function = function }

    private var order: Int {
        switch function {
        case .avg: 1
        case .skewness: 3
        case .kurtosis: 4
        default: 2
        }
    }

    private mutating func grow(_ count: Int) {
        n.grow(to: count, with: 0)
        mean.grow(to: count, with: 0)
        m2.grow(to: count, with: 0)
        m3.grow(to: count, with: 0)
        m4.grow(to: count, with: 0)
    }

    mutating func update(_ column: Column, groups: [Int], groupCount: Int, sequence: Int) throws(GlueError) {
        grow(groupCount)
        let values = try NumericValues(column).doubles
        let validity = column.validity
        let order = self.order
        for (row, group) in groups.enumerated() where validity?.isValid(at: row) ?? true {
            let x = values[row]
            let oldN = n[group]
            let newN = oldN + 1
            let delta = x - mean[group]
            let deltaN = delta / newN
            if order >= 2 {
                let term1 = delta * deltaN * oldN
                if order >= 4 {
                    m4[group] += term1 * deltaN * deltaN * (newN * newN - 3 * newN + 3) + 6 * deltaN * deltaN * m2[group] - 4 * deltaN * m3[group]
                }
                if order >= 3 {
                    m3[group] += term1 * deltaN * (newN - 2) - 3 * deltaN * m2[group]
                }
                m2[group] += term1
            }
            mean[group] += deltaN
            n[group] = newN
        }
    }

    mutating func merge(_ other: any Accumulator, mapping: [Int], groupCount: Int) {
        guard let other = other as? MomentsAccumulator else { return }
        grow(groupCount)
        for (group, target) in mapping.enumerated() where group < other.n.count && other.n[group] > 0 {
            let (na, nb) = (n[target], other.n[group])
            if na == 0 {
                n[target] = nb
                mean[target] = other.mean[group]
                m2[target] = other.m2[group]
                m3[target] = other.m3[group]
                m4[target] = other.m4[group]
                continue
            }
            let count = na + nb
            let delta = other.mean[group] - mean[target]
            let deltaN = delta / count
            let (m2a, m2b, m3a, m3b) = (m2[target], other.m2[group], m3[target], other.m3[group])
            m4[target] += other.m4[group] + delta * deltaN * deltaN * deltaN * na * nb * (na * na - na * nb + nb * nb)
                + 6 * deltaN * deltaN * (na * na * m2b + nb * nb * m2a) + 4 * deltaN * (na * m3b - nb * m3a)
            m3[target] += m3b + deltaN * deltaN * delta * na * nb * (na - nb) + 3 * deltaN * (na * m2b - nb * m2a)
            m2[target] += m2b + delta * deltaN * na * nb
            mean[target] += deltaN * nb
            n[target] = count
        }
    }

    func finish(groupCount: Int) throws(GlueError) -> Column {
        var copy = self
        copy.grow(groupCount)
        var results = [Double](repeating: 0, count: groupCount)
        var valid = [Bool](repeating: false, count: groupCount)
        for group in 0..<groupCount {
            let (count, m2) = (copy.n[group], copy.m2[group])
            guard count > 0 else { continue }
            let value: Double?
            switch function {
            case .avg: value = copy.mean[group]
            case .var_pop: value = m2 / count
            case .stddev_pop: value = (m2 / count).squareRoot()
            case .var_samp: value = count == 1 ? nil : m2 / (count - 1)
            case .stddev_samp: value = count == 1 ? nil : (m2 / (count - 1)).squareRoot()
            case .skewness: value = m2 == 0 ? nil : count.squareRoot() * copy.m3[group] / (m2 * m2 * m2).squareRoot()
            case .kurtosis: value = m2 == 0 ? nil : count * copy.m4[group] / (m2 * m2) - 3
            default: value = nil
            }
            if let value {
                results[group] = value
                valid[group] = true
            }
        }
        return Column(.double, storage: .float64(results), validity: ValidityBitmap(valid))
    }
}
