// fewRowsProduct against the exact product: every shape around its tile edges (rows around the
// 6-row tile, outputs around the panel width, depth around the 256-wide k block), thread counts.
#include <attnviz/few_rows_product.h>
#include <attnviz/ops.h>

#include <QTest>

#include <cmath>
#include <limits>
#include <random>

using namespace attnviz;

namespace {

Eigen::MatrixXf uniform(std::mt19937 &rng, Eigen::Index rows, Eigen::Index cols) {
    std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
    Eigen::MatrixXf m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i)
        m.data()[i] = dist(rng);
    return m;
}

// The largest error over all outputs, in units of the float dot product's rounding bound
// γ_n · Σ|x_k w_k| with γ_n = n·u / (1 − n·u), u = 2⁻²⁴ (Higham, Accuracy and Stability of
// Numerical Algorithms, 3.1): any summation order of a correct product stays within 1.
double worstErrorInBounds(const Eigen::MatrixXf &x, const Eigen::MatrixXf &w,
                          const Eigen::MatrixXf &yTransposed) {
    const Eigen::MatrixXd exact = w.cast<double>() * x.cast<double>().transpose();
    const Eigen::MatrixXd magnitude =
        w.cast<double>().cwiseAbs() * x.cast<double>().cwiseAbs().transpose();
    const double u = std::ldexp(1.0, -24), n = static_cast<double>(x.cols());
    const double gamma = n * u / (1.0 - n * u);
    double worst = 0.0;
    for (Eigen::Index i = 0; i < exact.size(); ++i) {
        const double error = std::abs(double(yTransposed.data()[i]) - exact.data()[i]);
        worst = std::max(worst, error / (gamma * magnitude.data()[i] + 1e-300));
    }
    return worst;
}

} // namespace

class TestFewRowsProduct : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { ops::setComputeThreads(0); }

    void equalsTheExactProduct_data() {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("depth");
        QTest::addColumn<int>("outputs");
        for (int rows : {1, 5, 6, 7, 13, 32, 127, 128, 200})
            for (int depth : {1, 3, 255, 256, 257, 768})
                for (int outputs : {1, 63, 64, 65, 130, 768})
                    QTest::addRow("%d×%d·%d", rows, depth, outputs) << rows << depth << outputs;
    }
    void equalsTheExactProduct() {
        QFETCH(int, rows);
        QFETCH(int, depth);
        QFETCH(int, outputs);
        std::mt19937 rng(static_cast<unsigned>(rows * 1000003 + depth * 1009 + outputs));
        const Eigen::MatrixXf x = uniform(rng, rows, depth), w = uniform(rng, outputs, depth);
        Eigen::MatrixXf yTransposed(3, 3); // resized by the product
        ops::fewRowsProduct(x, w, yTransposed);
        QCOMPARE(yTransposed.rows(), Eigen::Index(outputs));
        QCOMPARE(yTransposed.cols(), Eigen::Index(rows));
        QVERIFY2(worstErrorInBounds(x, w, yTransposed) <= 1.0,
                 qPrintable(QString::number(worstErrorInBounds(x, w, yTransposed))));
    }

    // A wrong stride or tile offset breaks the bound by orders of magnitude; this catches a subtler
    // slip: the k blocks after the first must add to the sums, not restart them.
    void laterDepthBlocksAdd() {
        const Eigen::MatrixXf x = Eigen::MatrixXf::Ones(7, 600);
        const Eigen::MatrixXf w = Eigen::MatrixXf::Ones(70, 600);
        Eigen::MatrixXf yTransposed;
        ops::fewRowsProduct(x, w, yTransposed);
        QCOMPARE(yTransposed.minCoeff(), 600.0f);
        QCOMPARE(yTransposed.maxCoeff(), 600.0f);
    }

    // No rows, or no depth (an empty sum is zero).
    void emptyShapes() {
        Eigen::MatrixXf yTransposed;
        ops::fewRowsProduct(Eigen::MatrixXf(0, 5), Eigen::MatrixXf::Ones(70, 5), yTransposed);
        QCOMPARE(yTransposed.rows(), Eigen::Index(70));
        QCOMPARE(yTransposed.cols(), Eigen::Index(0));
        yTransposed.setConstant(3, 3, 7.0f);
        ops::fewRowsProduct(Eigen::MatrixXf(4, 0), Eigen::MatrixXf(70, 0), yTransposed);
        QCOMPARE(yTransposed.rows(), Eigen::Index(70));
        QCOMPARE(yTransposed.cols(), Eigen::Index(4));
        QVERIFY(yTransposed.isZero(0.0f));
    }

    // Threads split the outputs, never a sum: one and two threads give the same bits.
    void theSameBitsOnAnyThreadCount() {
        std::mt19937 rng(5);
        const Eigen::MatrixXf x = uniform(rng, 32, 768), w = uniform(rng, 3072, 768);
        Eigen::MatrixXf one, two;
        ops::setComputeThreads(1);
        ops::fewRowsProduct(x, w, one);
        ops::setComputeThreads(2);
        ops::fewRowsProduct(x, w, two);
        QVERIFY(one == two);
    }

    // ops::linear adds the bias whichever product it takes.
    void linearAddsTheBiasOnEitherPath() {
        std::mt19937 rng(9);
        const LinearLayer layer{uniform(rng, 96, 64), uniform(rng, 96, 1).col(0)};
        for (int rows : {4, 300}) { // below and above the few-rows limit
            const Eigen::MatrixXf x = uniform(rng, rows, 64);
            const Eigen::MatrixXf y = ops::linear(x, layer);
            const Eigen::MatrixXd exact =
                (x.cast<double>() * layer.weight.cast<double>().transpose()).rowwise() +
                layer.bias.cast<double>().transpose();
            QCOMPARE(y.rows(), Eigen::Index(rows));
            QVERIFY((y.cast<double>() - exact).cwiseAbs().maxCoeff() < 1e-4);
        }
    }
};

QTEST_APPLESS_MAIN(TestFewRowsProduct)
#include "test_few_rows_product.moc"
