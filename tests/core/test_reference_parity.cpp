// The core against PyTorch: every fixture of tests/fixtures/reference, through attentionForward.
#include "reference_fixture.h"

#include <attnviz/multi_head_attention.h>

#include <QTest>

using namespace attnviz;

// Eigen and PyTorch sum the same float32 products in different orders; over d_model = 16 and
// N = 40 terms the largest gap seen is 1.5e-7 (see the qInfo lines). 1e-5 leaves sixty times
// that room and still catches any real error (a wrong scale or mask moves values by > 1e-2).
constexpr float kParityTolerance = 1e-5f;

class TestReferenceParity : public QObject {
    Q_OBJECT
private slots:
    void matchesPyTorch_data() {
        QTest::addColumn<QString>("fixture");
        const auto names = test::referenceFixtureNames();
        QVERIFY2(names.size() >= 12, "the reference fixtures are missing");
        for (const std::string &name : names)
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }

    void matchesPyTorch() {
        QFETCH(QString, fixture);
        const test::ReferenceFixture f = test::loadReferenceFixture(fixture.toStdString());
        checkConsistent(f.weights);
        QCOMPARE(f.weights.config().singleHead, f.config.singleHead);

        const AttentionResult r = attentionForward(f.input, f.weights, f.config.causal);
        QCOMPARE(r.heads.size(), f.attention.size());
        float worst = 0.0f;
        for (std::size_t h = 0; h < r.heads.size(); ++h) {
            const float diff = test::maxAbsDifference(r.heads[h].weights, f.attention[h]);
            QVERIFY2(
                diff <= kParityTolerance,
                qPrintable(QStringLiteral("head %1 attention differs by %2").arg(h + 1).arg(diff)));
            worst = std::max(worst, diff);
        }
        const float outDiff = test::maxAbsDifference(r.output, f.output);
        QVERIFY2(outDiff <= kParityTolerance,
                 qPrintable(QStringLiteral("output differs by %1").arg(outDiff)));
        qInfo("%s: max |attention diff| %.3g, max |output diff| %.3g", qPrintable(fixture), worst,
              outDiff);
    }

    // The tolerance is meaningful: a small perturbation of one weight already breaks it.
    void detectsASmallWeightChange() {
        test::ReferenceFixture f = test::loadReferenceFixture("seed_mha_h2_n40");
        f.weights.q.weight(0, 0) += 1e-2f;
        const AttentionResult r = attentionForward(f.input, f.weights, f.config.causal);
        QVERIFY(test::maxAbsDifference(r.heads[0].weights, f.attention[0]) > kParityTolerance);
    }
};

QTEST_GUILESS_MAIN(TestReferenceParity)
#include "test_reference_parity.moc"
