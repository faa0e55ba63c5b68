<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivationsExplorer</name>
    <message>
        <source>step</source>
        <translation>阶跃函数</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>恒等函数</translation>
    </message>
    <message>
        <source>Range of x</source>
        <translation>x 的范围</translation>
    </message>
    <message>
        <source>Functions (f) and derivatives (f′, dashed)</source>
        <translation>函数 (f) 与导数 (f′，虚线)</translation>
    </message>
    <message>
        <source>Values at the probe</source>
        <translation>探针处的值</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>leaky ReLU slope</source>
        <translation>Leaky ReLU 的斜率</translation>
    </message>
    <message>
        <source>probe at x =</source>
        <translation>探针位置 x =</translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>step′ = 0 for every x ≠ 0 (undefined at 0):
no slope, so nothing to learn from</source>
        <translation>阶跃函数的导数在 x ≠ 0 处都为 0（在 0 处无定义）：
没有斜率，也就无从学习</translation>
    </message>
    <message>
        <source>“from” ({lo}) must be smaller than “to” ({hi}).</source>
        <translation>“从”（{lo}）必须小于“到”（{hi}）。</translation>
    </message>
    <message>
        <source>Check a function to see its values.</source>
        <translation>勾选一个函数以查看它的值。</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>MNIST (bundled)</source>
        <translation>MNIST（内置）</translation>
    </message>
</context>
<context>
    <name>BatchForwardView</name>
    <message>
        <source>100 test images</source>
        <translation>100 张测试图像</translation>
    </message>
    <message>
        <source>the test set has only {n} images; this view needs {batch}</source>
        <translation>测试集只有 {n} 张图像；此视图需要 {batch} 张</translation>
    </message>
    <message>
        <source>Run {n} test images through the net</source>
        <translation>让 {n} 张测试图像通过网络</translation>
    </message>
    <message>
        <source>Push a batch of {n} MNIST test images through 784-50-100-10</source>
        <translation>把一批 {n} 张 MNIST 测试图像送入 784-50-100-10 网络</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>computed as</source>
        <translation>计算方式</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>X: {n} images, one per row</source>
        <translation>X：{n} 张图像，每行一张</translation>
    </message>
    <message>
        <source>The shapes below appear once the batch has run (the first run loads MNIST).</source>
        <translation>批处理运行后，下面会显示各阶段的形状（第一次运行时会先加载 MNIST）。</translation>
    </message>
    <message>
        <source>Running the batch…</source>
        <translation>正在运行批处理…</translation>
    </message>
    <message>
        <source>weights, biases</source>
        <translation>权重、偏置</translation>
    </message>
    <message>
        <source>Shapes through the net: {chain}. The weights are random here: the shapes do not depend on them.</source>
        <translation>数据在网络中的形状：{chain}。这里的权重是随机的：形状与权重无关。</translation>
    </message>
    <message>
        <source>Could not run the batch: {reason}</source>
        <translation>无法运行批处理：{reason}</translation>
    </message>
</context>
<context>
    <name>BrowseView</name>
    <message>
        <source>Training set</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>Test set</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <source>Only {digit}</source>
        <translation>仅 {digit}</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Images per label</source>
        <translation>每个标签的图像数</translation>
    </message>
    <message>
        <source>images</source>
        <translation>图像数</translation>
    </message>
    <message>
        <source>label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Pixel values (log scale)</source>
        <translation>像素值（对数刻度）</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>像素数</translation>
    </message>
    <message>
        <source>value (0 = blank, 1 = full ink)</source>
        <translation>值（0 = 空白，1 = 全墨）</translation>
    </message>
    <message>
        <source>Mean image of each label</source>
        <translation>每个标签的平均图像</translation>
    </message>
    <message>
        <source>The dataset could not be loaded: {reason}</source>
        <translation>无法加载数据集：{reason}</translation>
    </message>
    <message>
        <source>Dataset not loaded yet</source>
        <translation>数据集尚未加载</translation>
    </message>
    <message>
        <source>Click an image for its index and label.</source>
        <translation>单击图像查看其索引和标签。</translation>
    </message>
    <message>
        <source>Loading the dataset…</source>
        <translation>正在加载数据集…</translation>
    </message>
    <message>
        <source>{name}: {train:,} training and {test:,} test images</source>
        <translation>{name}：{train:,} 张训练图像，{test:,} 张测试图像</translation>
    </message>
    <message>
        <source>training image #{index}, label {label}</source>
        <translation>训练图像 #{index}，标签 {label}</translation>
    </message>
    <message>
        <source>test image #{index}, label {label}</source>
        <translation>测试图像 #{index}，标签 {label}</translation>
    </message>
    <message>
        <source>No image labelled {digit} in this set.</source>
        <translation>这个数据集中没有标签为 {digit} 的图像。</translation>
    </message>
    <message>
        <source>Could not compute the statistics: {reason}</source>
        <translation>无法计算统计数据：{reason}</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>mean of the {n:,} images labelled {digit}</source>
        <translation>标签为 {digit} 的 {n:,} 张图像的平均</translation>
    </message>
    <message>
        <source>Training image #{index}: label {label}</source>
        <translation>训练图像 #{index}：标签 {label}</translation>
    </message>
    <message>
        <source>Test image #{index}: label {label}</source>
        <translation>测试图像 #{index}：标签 {label}</translation>
    </message>
</context>
<context>
    <name>ConceptsPanel</name>
    <message>
        <source>Activations</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>softmax 函数</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Forward pass</source>
        <translation>正向传播</translation>
    </message>
    <message>
        <source>Perceptrons</source>
        <translation>感知机</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>梯度确认</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixView</name>
    <message>
        <source>No evaluation yet</source>
        <translation>尚未评估</translation>
    </message>
    <message>
        <source>{share}% of the {row:,} images of a {digit}</source>
        <translation>占 {row:,} 张 {digit} 的 {share}%</translation>
    </message>
    <message>
        <source>no images</source>
        <translation>没有图像</translation>
    </message>
    <message>
        <source>right</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>true {true}, predicted {predicted}: {count:,} ({what}; {share})
click to see them</source>
        <translation>真实 {true}，预测 {predicted}：{count:,} 张（{what}；{share}）
单击查看这些图像</translation>
    </message>
    <message>
        <source>predicted label →</source>
        <translation>预测标签 →</translation>
    </message>
    <message>
        <source>← true label</source>
        <translation>← 真实标签</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Browse</source>
        <translation>浏览</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
</context>
<context>
    <name>DatasetWait</name>
    <message>
        <source>Loading MNIST…</source>
        <translation>正在加载 MNIST…</translation>
    </message>
</context>
<context>
    <name>DrawingPad</name>
    <message>
        <source>Draw a digit. Esc clears, Ctrl+Z undoes the last stroke.</source>
        <translation>在这里写一个数字。Esc 清除，Ctrl+Z 撤销上一笔。</translation>
    </message>
    <message>
        <source>part of the drawing is past the edge (it still counts)</source>
        <translation>有一部分笔迹超出了边缘（仍然计入）</translation>
    </message>
    <message>
        <source>draw a digit here</source>
        <translation>在这里写一个数字</translation>
    </message>
</context>
<context>
    <name>DrawingPanel</name>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;所有文件 (*)</translation>
    </message>
    <message>
        <source>no model: train one or open one</source>
        <translation>没有模型：请训练一个或打开一个</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Erase the pad (Esc)</source>
        <translation>擦除画板（Esc）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Remove the last stroke (Ctrl+Z)</source>
        <translation>去掉上一笔（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>打开图像…</translation>
    </message>
    <message>
        <source>Classify a PNG or JPEG of a handwritten digit</source>
        <translation>识别一张手写数字的 PNG 或 JPEG 图像</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>笔刷</translation>
    </message>
    <message>
        <source>Brush size on the pad (the network&apos;s input is always drawn at MNIST&apos;s stroke width)</source>
        <translation>画板上的笔刷粗细（网络的输入总是按 MNIST 的笔画粗细重新绘制）</translation>
    </message>
    <message>
        <source>Reads with:</source>
        <translation>识别模型：</translation>
    </message>
    <message>
        <source>Saliency</source>
        <translation>显著性</translation>
    </message>
    <message>
        <source>Tint each pixel by input × gradient of the winning digit&apos;s score: how much its ink pushed that digit</source>
        <translation>按“输入 × 得分最高的数字的得分梯度”给每个像素着色：它的笔迹把这个数字推高了多少</translation>
    </message>
    <message>
        <source>What the network sees</source>
        <translation>网络看到的输入</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Probabilities</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Bundled model</source>
        <translation>内置模型</translation>
    </message>
    <message>
        <source>The pad reads with {name}. Switching needs no training: the bundled models ship with the app.</source>
        <translation>画板用 {name} 识别。切换不需要训练：内置模型随应用一起提供。</translation>
    </message>
    <message>
        <source>{name} does not take 28x28 inputs</source>
        <translation>{name} 不接受 28x28 的输入</translation>
    </message>
    <message>
        <source>pushed toward {digit}</source>
        <translation>推向 {digit}</translation>
    </message>
    <message>
        <source>pushed against</source>
        <translation>起反作用</translation>
    </message>
    <message>
        <source>Open an image of a digit</source>
        <translation>打开一张数字图像</translation>
    </message>
    <message>
        <source>Reading the image…</source>
        <translation>正在读取图像…</translation>
    </message>
    <message>
        <source>Showing my digit #{number}.</source>
        <translation>正在显示我的数字 #{number}。</translation>
    </message>
    <message>
        <source>Showing {file}: draw on the pad to replace it.</source>
        <translation>正在显示 {file}：在画板上书写即可替换它。</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>My digits</source>
        <translation>我的数字</translation>
    </message>
    <message>
        <source>Could not keep the digit: {reason}</source>
        <translation>无法保存这个数字：{reason}</translation>
    </message>
    <message>
        <source>bundled conv net</source>
        <translation>内置卷积网络</translation>
    </message>
    <message>
        <source>bundled MLP</source>
        <translation>内置多层感知机</translation>
    </message>
</context>
<context>
    <name>Explainer</name>
    <message>
        <source>The explanation for this concept ({file}) is missing from the installation.</source>
        <translation>安装中缺少这个概念的说明（{file}）。</translation>
    </message>
</context>
<context>
    <name>ForwardExplorer</name>
    <message>
        <source>the input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Input X = [x1, x2]</source>
        <translation>输入 X = [x1, x2]</translation>
    </message>
    <message>
        <source>Output Y</source>
        <translation>输出 Y</translation>
    </message>
    <message>
        <source>The book&apos;s input [1.0, 0.5]</source>
        <translation>书中的输入 [1.0, 0.5]</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>computed as</source>
        <translation>计算方式</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>values</source>
        <translation>值</translation>
    </message>
    <message>
        <source>One input: 2-3-2-2</source>
        <translation>单个输入：2-3-2-2</translation>
    </message>
    <message>
        <source>A batch: 100 MNIST images</source>
        <translation>一批：100 张 MNIST 图像</translation>
    </message>
</context>
<context>
    <name>GalleryView</name>
    <message>
        <source>Show all mistakes</source>
        <translation>显示全部错误</translation>
    </message>
    <message>
        <source>test image #{index}: true {true}, predicted {predicted} with probability {p}%
the model&apos;s top three: {top}</source>
        <translation>测试图像 #{index}：真实 {true}，预测 {predicted}，概率 {p}%
模型的前三个答案：{top}</translation>
    </message>
</context>
<context>
    <name>HeatmapWidget</name>
    <message>
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>{row}  ·  {column}  ·  value {value}</source>
        <translation>{row}  ·  {column}  ·  值 {value}</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>About NN Studio</source>
        <translation>关于 NN Studio</translation>
    </message>
</context>
<context>
    <name>ImageGrid</name>
    <message>
        <source>No images</source>
        <translation>没有图像</translation>
    </message>
    <message>
        <source>◀ Prev</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>第</translation>
    </message>
    <message>
        <source>image #{index}</source>
        <translation>图像 #{index}</translation>
    </message>
    <message>
        <source>of {pages}</source>
        <translation>页，共 {pages} 页</translation>
    </message>
    <message>
        <source>{n:,} images</source>
        <translation>{n:,} 张图像</translation>
    </message>
    <message>
        <source>{n:,} image</source>
        <translation>{n:,} 张图像</translation>
    </message>
</context>
<context>
    <name>ImageOpener</name>
    <message>
        <source>{file}: no ink found (a blank image?)</source>
        <translation>{file}：没有找到笔迹（空白图像？）</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>打开图像</translation>
    </message>
</context>
<context>
    <name>ImageReader</name>
    <message>
        <source>file not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <source>not a file</source>
        <translation>不是文件</translation>
    </message>
    <message>
        <source>cannot be read ({reason})</source>
        <translation>无法读取（{reason}）</translation>
    </message>
    <message>
        <source>not an image</source>
        <translation>不是图像</translation>
    </message>
    <message>
        <source>not a readable image (damaged or truncated?)</source>
        <translation>无法读取的图像（损坏或不完整？）</translation>
    </message>
    <message>
        <source>image too large: {width:,}x{height:,} pixels (at most {limit} MB once decoded, about {side:,}x{side:,})</source>
        <translation>图像太大：{width:,}x{height:,} 像素（解码后最多 {limit} MB，约 {side:,}x{side:,}）</translation>
    </message>
</context>
<context>
    <name>InputPreview</name>
    <message>
        <source>28 x 28 input</source>
        <translation>28 x 28 输入</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>LivePlot</name>
    <message>
        <source>iteration</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epoch</translation>
    </message>
</context>
<context>
    <name>LossesExplorer</name>
    <message>
        <source>correct class (one-hot t)</source>
        <translation>正确类别（one-hot 表示的 t）</translation>
    </message>
    <message>
        <source>Book: right guess</source>
        <translation>书中：猜对</translation>
    </message>
    <message>
        <source>Book: wrong guess</source>
        <translation>书中：猜错</translation>
    </message>
    <message>
        <source>Scale y to sum to 1</source>
        <translation>缩放 y 使其和为 1</translation>
    </message>
    <message>
        <source>Prediction y (drag the bars, or type)</source>
        <translation>预测 y（拖动柱形或直接输入）</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Prediction y and one-hot target t (drag a bar)</source>
        <translation>预测 y 与 one-hot 表示的目标 t（拖动柱形）</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Cross-entropy of one example: −log(y at the correct class)</source>
        <translation>单个样本的交叉熵误差：−log(正确类别处的 y)</translation>
    </message>
    <message>
        <source>y at the correct class</source>
        <translation>正确类别处的 y</translation>
    </message>
    <message>
        <source>sum-of-squares 0.5·Σ(y − t)² = &lt;b&gt;{sse}&lt;/b&gt;&lt;br&gt;&lt;small&gt;(the book&apos;s “mean squared error”: a half-sum, not a mean)&lt;/small&gt;</source>
        <translation>平方和 0.5·Σ(y − t)² = &lt;b&gt;{sse}&lt;/b&gt;&lt;br&gt;&lt;small&gt;（即书中的“均方误差”：是平方和的一半，而不是平均值）&lt;/small&gt;</translation>
    </message>
    <message>
        <source>cross-entropy −Σ t·log y = −log max(y{t}, 10⁻⁷) = &lt;b&gt;{ce}&lt;/b&gt;</source>
        <translation>交叉熵误差 −Σ t·log y = −log max(y{t}, 10⁻⁷) = &lt;b&gt;{ce}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>  (not a probability distribution)</source>
        <translation>  （不是概率分布）</translation>
    </message>
    <message>
        <source>  y{t} = {y}, loss {loss}</source>
        <translation>  y{t} = {y}，损失 {loss}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&lt;h3&gt;NN Studio&lt;/h3&gt;
&lt;p&gt;Watch a neural network learn: multilayer perceptrons on handwritten digits, their weights,
gradient descent and the ideas behind them, following &lt;i&gt;Deep Learning from Scratch&lt;/i&gt; (ch. 3-4)
and Michael Nielsen&apos;s &lt;i&gt;Neural Networks and Deep Learning&lt;/i&gt; (ch. 1).&lt;/p&gt;
&lt;p&gt;&lt;b&gt;MNIST&lt;/b&gt; handwritten digit database by Yann LeCun, Corinna Cortes and
Christopher J. C. Burges, used under the Creative Commons Attribution-Share Alike 3.0 licence
(CC BY-SA 3.0).&lt;/p&gt;
&lt;p&gt;Built with Python, NumPy, Qt for Python (PySide6) and pyqtgraph.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;NN Studio&lt;/h3&gt;
&lt;p&gt;看神经网络如何学习：识别手写数字的多层感知机、它的权重、梯度下降法以及背后的思想，内容依照斋藤康毅的《深度学习入门：基于Python的理论与实现》（第3～4章）
和 Michael Nielsen 的《神经网络与深度学习》（第1章）。&lt;/p&gt;
&lt;p&gt;&lt;b&gt;MNIST&lt;/b&gt; 手写数字数据库由 Yann LeCun、Corinna Cortes 和
Christopher J. C. Burges 创建，依照知识共享署名-相同方式共享 3.0 许可协议
（CC BY-SA 3.0）使用。&lt;/p&gt;
&lt;p&gt;使用 Python、NumPy、Qt for Python (PySide6) 和 pyqtgraph 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>没有模型</translation>
    </message>
    <message>
        <source>Data: {name}</source>
        <translation>数据：{name}</translation>
    </message>
    <message>
        <source>Interface size {percent}%: NN Studio will use it from its next start (Qt sets the scale once, when it starts).</source>
        <translation>界面大小 {percent}%：NN Studio 下次启动时生效（Qt 只在启动时设置一次缩放）。</translation>
    </message>
    <message>
        <source>Open MNIST-format dataset folder</source>
        <translation>打开 MNIST 格式的数据集文件夹</translation>
    </message>
    <message>
        <source>Open dataset</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <source>A dataset is still loading; wait a moment.</source>
        <translation>仍在加载一个数据集，请稍候。</translation>
    </message>
    <message>
        <source>Loading dataset from {folder}…</source>
        <translation>正在从 {folder} 加载数据集…</translation>
    </message>
    <message>
        <source>Cannot open dataset</source>
        <translation>无法打开数据集</translation>
    </message>
    <message>
        <source>A dataset is still loading; try again when it is done.</source>
        <translation>仍在加载一个数据集，加载完成后再试。</translation>
    </message>
    <message>
        <source>Loading the bundled MNIST…</source>
        <translation>正在加载内置的 MNIST…</translation>
    </message>
    <message>
        <source>Dataset {folder} loaded: {train:,} training and {test:,} test images</source>
        <translation>数据集 {folder} 已加载：{train:,} 张训练图像，{test:,} 张测试图像</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>This page has no plot to export.</source>
        <translation>此页面没有可导出的图表。</translation>
    </message>
    <message>
        <source>Run {number} is still training ({done:,} of {total:,} iterations).</source>
        <translation>第 {number} 次运行仍在训练（已完成 {done:,}/{total:,} 次迭代）。</translation>
    </message>
    <message>
        <source>A run is starting.</source>
        <translation>一次运行正在启动。</translation>
    </message>
    <message>
        <source>Quit during a run?</source>
        <translation>在运行期间退出？</translation>
    </message>
    <message>
        <source>Quit stops it: its curves are kept in the run history, and its network becomes the current model only if it learned (models are not kept across restarts: save one with File ▸ Save model…). Cancel keeps NN Studio and the run going.

Stop the run and quit?</source>
        <translation>退出会停止它：它的曲线保留在运行历史中，只有当网络确实学到了东西时才会成为当前模型（模型不会在重启后保留：请用“文件 ▸ 保存模型…”保存）。选择“取消”则 NN Studio 和这次运行都继续。

停止运行并退出？</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About NN Studio</source>
        <translation>关于 NN Studio(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save model…</source>
        <translation>保存模型(&amp;S)…</translation>
    </message>
    <message>
        <source>Save model &amp;as…</source>
        <translation>模型另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>E&amp;xport model…</source>
        <translation>导出模型(&amp;X)…</translation>
    </message>
    <message>
        <source>Write the model for PyTorch (.safetensors, .py) or ONNX (.onnx)</source>
        <translation>将模型导出为 PyTorch（.safetensors、.py）或 ONNX（.onnx）格式</translation>
    </message>
    <message>
        <source>&amp;Revert to bundled model</source>
        <translation>恢复为内置模型(&amp;R)</translation>
    </message>
    <message>
        <source>Make the bundled, trained model the current model again</source>
        <translation>重新使用内置的、已训练好的模型作为当前模型</translation>
    </message>
    <message>
        <source>Open &amp;dataset folder…</source>
        <translation>打开数据集文件夹(&amp;D)…</translation>
    </message>
    <message>
        <source>Use &amp;bundled MNIST</source>
        <translation>使用内置 MNIST(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Export plot…</source>
        <translation>导出图表(&amp;E)…</translation>
    </message>
    <message>
        <source>Open r&amp;un…</source>
        <translation>打开运行记录(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Show panel list</source>
        <translation>显示面板列表</translation>
    </message>
    <message>
        <source>Show status bar</source>
        <translation>显示状态栏</translation>
    </message>
    <message>
        <source>Interface size</source>
        <translation>界面大小</translation>
    </message>
    <message>
        <source>{percent}% (for a projector)</source>
        <translation>{percent}%（适合投影仪）</translation>
    </message>
    <message>
        <source>Text, plots and images at this size from the next start of NN Studio</source>
        <translation>下次启动 NN Studio 时，文字、图表和图像使用此大小</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>ModelExporter</name>
    <message>
        <source>safetensors: PyTorch state dict (*.safetensors)</source>
        <translation>safetensors：PyTorch 状态字典 (*.safetensors)</translation>
    </message>
    <message>
        <source>ONNX graph, for onnxruntime and Netron (*.onnx)</source>
        <translation>ONNX 计算图，用于 onnxruntime 和 Netron (*.onnx)</translation>
    </message>
    <message>
        <source>PyTorch script, with its .safetensors (*.py)</source>
        <translation>PyTorch 脚本，附带其 .safetensors 文件 (*.py)</translation>
    </message>
    <message>
        <source>{file}: cannot be written ({reason})</source>
        <translation>{file}：无法写入（{reason}）</translation>
    </message>
    <message>
        <source>Export model</source>
        <translation>导出模型</translation>
    </message>
    <message>
        <source>There is no model to export yet: train one first.</source>
        <translation>还没有可以导出的模型：请先训练一个。</translation>
    </message>
    <message>
        <source>Exporting {model} to {file}…</source>
        <translation>正在把 {model} 导出到 {file}…</translation>
    </message>
    <message>
        <source>{files} and {last}</source>
        <translation>{files} 和 {last}</translation>
    </message>
    <message>
        <source>Exported the model to {files} in {folder}</source>
        <translation>模型已导出为 {folder} 中的 {files}</translation>
    </message>
    <message>
        <source>Cannot export model</source>
        <translation>无法导出模型</translation>
    </message>
</context>
<context>
    <name>MyDigitsBox</name>
    <message>
        <source>My digits</source>
        <translation>我的数字</translation>
    </message>
    <message>
        <source>Add drawing as:</source>
        <translation>把当前书写保存为：</translation>
    </message>
    <message>
        <source>Keep the current drawing in my digits, labelled {digit}</source>
        <translation>把当前书写保存到“我的数字”，标签为 {digit}</translation>
    </message>
    <message>
        <source>Clear all…</source>
        <translation>全部清除…</translation>
    </message>
    <message>
        <source>Set aside damaged file</source>
        <translation>移开损坏的文件</translation>
    </message>
    <message>
        <source>Rename the damaged file to my_digits.damaged-&lt;date&gt;.npz (nothing is deleted) and start a fresh set</source>
        <translation>给损坏的文件改名（文件名加上日期，不删除任何内容），然后开始一组新的数字</translation>
    </message>
    <message>
        <source>Red captions: the label → what the current model reads.</source>
        <translation>红色标注：标签 → 当前模型的识别结果。</translation>
    </message>
    <message>
        <source>Your my-digits file in {folder} is damaged or invalid; it has not been changed. Set it aside to start a fresh set (it is kept, renamed).</source>
        <translation>{folder} 中的“我的数字”文件已损坏或无效；它没有被修改。把它移开即可开始一组新的数字（它会改名保留）。</translation>
    </message>
    <message>
        <source>No digits kept yet: draw one and press its label.</source>
        <translation>还没有保存数字：写一个数字，然后按它的标签。</translation>
    </message>
    <message>
        <source>{n} kept · {counts}</source>
        <translation>已保存 {n} 个 · {counts}</translation>
    </message>
    <message>
        <source>Current model: {right} of {n} right ({percent}); {wrong} mistakes.</source>
        <translation>当前模型：{n} 个中识别正确 {right} 个（{percent}）；错误 {wrong} 个。</translation>
    </message>
    <message>
        <source>Current model: {right} of {n} right ({percent}); {wrong} mistake.</source>
        <translation>当前模型：{n} 个中识别正确 {right} 个（{percent}）；错误 {wrong} 个。</translation>
    </message>
    <message>
        <source>#{number}: labelled {label}, read as {read}. Click to show it on the pad.</source>
        <translation>#{number}：标签 {label}，识别为 {read}。点击可在画板上显示。</translation>
    </message>
    <message>
        <source>No model: accuracy shows once a model is loaded or trained.</source>
        <translation>没有模型：加载或训练一个模型后显示识别精度。</translation>
    </message>
    <message>
        <source>Your labelled drawings appear here.</source>
        <translation>你加了标签的书写会显示在这里。</translation>
    </message>
    <message>
        <source>Remove #{number} ({label})</source>
        <translation>删除 #{number}（{label}）</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>Could not remove the digit: {reason}</source>
        <translation>无法删除这个数字：{reason}</translation>
    </message>
    <message>
        <source>Could not set the damaged file aside: {reason}</source>
        <translation>无法移开损坏的文件：{reason}</translation>
    </message>
    <message>
        <source>The damaged file was kept as {file}.</source>
        <translation>损坏的文件已保留为 {file}。</translation>
    </message>
    <message>
        <source>Forget all {n} kept digits?</source>
        <translation>要忘掉全部 {n} 个已保存的数字吗？</translation>
    </message>
    <message>
        <source>Forget the kept digit?</source>
        <translation>要忘掉已保存的这个数字吗？</translation>
    </message>
    <message>
        <source>Could not clear my digits: {reason}</source>
        <translation>无法清除“我的数字”：{reason}</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>step</source>
        <translation>阶跃函数</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>恒等函数</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵误差</translation>
    </message>
    <message>
        <source>quadratic (mean squared error)</source>
        <translation>二次代价（均方误差）</translation>
    </message>
    <message>
        <source>std (fixed)</source>
        <translation>固定标准差</translation>
    </message>
    <message>
        <source>with replacement</source>
        <translation>有放回抽取</translation>
    </message>
    <message>
        <source>shuffle</source>
        <translation>每个 epoch 打乱</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>epoch</translation>
    </message>
    <message>
        <source>iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>book-twolayer</source>
        <translation>《深度学习入门》两层网络</translation>
    </message>
    <message>
        <source>nielsen-ch1</source>
        <translation>Nielsen 第1章</translation>
    </message>
    <message>
        <source>fast</source>
        <translation>快速</translation>
    </message>
    <message>
        <source>pad</source>
        <translation>画板模型</translation>
    </message>
    <message>
        <source>conv-small</source>
        <translation>小型卷积网络</translation>
    </message>
    <message>
        <source>conv-tiny</source>
        <translation>微型卷积网络</translation>
    </message>
    <message>
        <source>Deep Learning from Scratch, ch. 4: 784-50-10 sigmoid, std 0.01, cross-entropy, batch 100 drawn with replacement, lr 0.1, 10,000 iterations</source>
        <translation>《深度学习入门》第4章：784-50-10，sigmoid 函数，标准差 0.01，交叉熵误差，有放回抽取大小为 100 的 mini-batch，学习率 0.1，10,000 次迭代</translation>
    </message>
    <message>
        <source>Neural Networks and Deep Learning, ch. 1: [784, 30, 10] sigmoid, quadratic cost, Gaussian init, batch 10 shuffled each epoch, eta 3.0, 30 epochs, on the first 50,000 training images (the book keeps the last 10,000 for validation)</source>
        <translation>《神经网络与深度学习》第1章：[784, 30, 10]，sigmoid 函数，二次代价，高斯初始值，每个 epoch 打乱后取大小为 10 的 mini-batch，学习率 η = 3.0，30 个 epoch，使用前 50,000 张训练图像（书中把最后 10,000 张留作验证）</translation>
    </message>
    <message>
        <source>Modern defaults: 784-256-128-10 ReLU, He init, Adam lr 0.003 halved each epoch, batch 128, 6 epochs (98% test accuracy after 3 or 4 epochs)</source>
        <translation>现代默认设置：784-256-128-10，ReLU 函数，He 初始值，Adam，学习率 0.003 且每个 epoch 减半，mini-batch 大小 128，6 个 epoch（3～4 个 epoch 后测试识别精度达到 98%）</translation>
    </message>
    <message>
        <source>Drawing-pad model: 784-256-128-10 ReLU, He init, Adam lr 0.001 decaying x0.85 each epoch, batch 128, 15 epochs of MNIST plus 60,000 synthetic pad-style digits (crossbar sevens, hooked nines, flagged ones...), every mini-batch randomly distorted</source>
        <translation>画板模型：784-256-128-10，ReLU 函数，He 初始值，Adam，学习率 0.001 且每个 epoch 乘以 0.85，mini-batch 大小 128，在 MNIST 加上 60,000 个画板风格的合成数字（带横杠的 7、带钩的 9、带旗的 1……）上训练 15 个 epoch，每个 mini-batch 都随机变形</translation>
    </message>
    <message>
        <source>Convolutional: conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10, ReLU, He init, Adam lr 0.001, batch 128, 3 epochs (98.7% test accuracy, under a minute an epoch)</source>
        <translation>卷积网络：conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10，ReLU 函数，He 初始值，Adam，学习率 0.001，mini-batch 大小 128，3 个 epoch（测试识别精度 98.7%，每个 epoch 不到一分钟）</translation>
    </message>
    <message>
        <source>A quick convolutional run: conv 8 3x3, pool 2, dense 10, ReLU, He init, Adam lr 0.003, batch 64, one epoch of the first 5,000 training images</source>
        <translation>快速的卷积网络运行：conv 8 3x3, pool 2, dense 10，ReLU 函数，He 初始值，Adam，学习率 0.003，mini-batch 大小 64，在前 5,000 张训练图像上训练 1 个 epoch</translation>
    </message>
    <message>
        <source>fixed standard deviation (the book&apos;s 0.01), zero biases</source>
        <translation>固定的标准差（书中为 0.01），偏置为 0</translation>
    </message>
    <message>
        <source>Gaussian, std 1/sqrt(fan-in), Gaussian biases (Nielsen)</source>
        <translation>高斯分布，标准差 1/sqrt(输入数)，偏置也服从高斯分布（Nielsen）</translation>
    </message>
    <message>
        <source>Xavier/Glorot: std sqrt(2/(fan-in + fan-out)), zero biases</source>
        <translation>Xavier/Glorot：标准差 sqrt(2/(输入数 + 输出数))，偏置为 0</translation>
    </message>
    <message>
        <source>He: std sqrt(2/fan-in), zero biases (for ReLU)</source>
        <translation>He：标准差 sqrt(2/输入数)，偏置为 0（适用于 ReLU）</translation>
    </message>
    <message>
        <source>each mini-batch drawn at random with replacement (the book)</source>
        <translation>每个 mini-batch 都有放回地随机抽取（《深度学习入门》）</translation>
    </message>
    <message>
        <source>shuffle once per epoch, then walk through it in mini-batches (Nielsen)</source>
        <translation>每个 epoch 打乱一次，再按 mini-batch 依次遍历（Nielsen）</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>input X</source>
        <translation>输入 X</translation>
    </message>
    <message>
        <source>hidden layer 1
A1 → Z1 = σ(A1)</source>
        <translation>隐藏层 1
A1 → Z1 = σ(A1)</translation>
    </message>
    <message>
        <source>hidden layer 2
A2 → Z2 = σ(A2)</source>
        <translation>隐藏层 2
A2 → Z2 = σ(A2)</translation>
    </message>
    <message>
        <source>output
A3 → Y = A3</source>
        <translation>输出层
A3 → Y = A3</translation>
    </message>
    <message>
        <source>The book&apos;s three-layer network (fixed weights)</source>
        <translation>书中的三层神经网络（固定权重）</translation>
    </message>
</context>
<context>
    <name>PadModelChoice</name>
    <message>
        <source>Which model reads the pad. Switching needs no training: the bundled models ship with the app.</source>
        <translation>用哪个模型识别画板。切换不需要训练：内置模型随应用一起提供。</translation>
    </message>
    <message>
        <source>Current model</source>
        <translation>当前模型</translation>
    </message>
    <message>
        <source>Bundled conv net</source>
        <translation>内置卷积网络</translation>
    </message>
    <message>
        <source>bundled default model</source>
        <translation>内置默认模型</translation>
    </message>
    <message>
        <source>The bundled model file for “{key}” is missing.</source>
        <translation>缺少“{key}”的内置模型文件。</translation>
    </message>
    <message>
        <source>Bundled MLP</source>
        <translation>内置多层感知机</translation>
    </message>
    <message>
        <source>Current model: {name}</source>
        <translation>当前模型：{name}</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>train a network on MNIST with live loss and accuracy plots</source>
        <translation>在 MNIST 上训练网络，实时绘制损失和识别精度</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>first-layer weights as 28x28 tiles, every layer as a heatmap</source>
        <translation>第一层权重显示为 28x28 的小图，每一层显示为热图</translation>
    </message>
    <message>
        <source>Drawing pad</source>
        <translation>画板</translation>
    </message>
    <message>
        <source>draw a digit and see what the network thinks</source>
        <translation>写一个数字，看看网络怎么认为</translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <translation>梯度下降法</translation>
    </message>
    <message>
        <source>gradient descent on 2D functions with several optimizers</source>
        <translation>在二维函数上用多种优化器演示梯度下降法</translation>
    </message>
    <message>
        <source>Concepts</source>
        <translation>概念</translation>
    </message>
    <message>
        <source>activations, softmax, losses, the forward pass, perceptrons, gradient checks</source>
        <translation>激活函数、softmax 函数、损失函数、正向传播、感知机、梯度确认</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>browse MNIST and evaluate the current model</source>
        <translation>浏览 MNIST 并评估当前模型</translation>
    </message>
</context>
<context>
    <name>ParamForm</name>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Hidden sizes</source>
        <translation>隐藏层大小</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>权重初始值</translation>
    </message>
    <message>
        <source>Init std</source>
        <translation>初始值标准差</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>mini-batch 大小</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>训练时长</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>抽样方式</translation>
    </message>
    <message>
        <source>Training subset</source>
        <translation>训练子集</translation>
    </message>
    <message>
        <source>LR decay / epoch</source>
        <translation>学习率衰减 / epoch</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权值衰减</translation>
    </message>
    <message>
        <source>Synthetic digits</source>
        <translation>合成数字</translation>
    </message>
    <message>
        <source>Ready-made settings. The book presets reproduce the runs of Deep Learning from Scratch (ch. 4) and Nielsen (ch. 1); editing any field switches to &apos;custom&apos;.</source>
        <translation>现成的设置。书籍预设重现《深度学习入门》（第4章）和 Nielsen《神经网络与深度学习》（第1章）中的训练；修改任一字段都会切换为“自定义”。</translation>
    </message>
    <message>
        <source>How many neurons each hidden layer has, separated by commas. &apos;50&apos; is one hidden layer of 50 neurons; &apos;256, 128&apos; is two layers; empty means no hidden layer. The 784 inputs and 10 outputs are fixed.</source>
        <translation>每个隐藏层的神经元数，用逗号分隔。“50”表示一个含 50 个神经元的隐藏层；“256, 128”表示两层；留空表示没有隐藏层。784 个输入和 10 个输出是固定的。</translation>
    </message>
    <message>
        <source>The function each hidden neuron applies to its weighted sum. Sigmoid is the books&apos; choice; ReLU usually learns faster in deeper networks.</source>
        <translation>每个隐藏层神经元作用于其加权和的函数。两本书都用 sigmoid 函数；在较深的网络中 ReLU 函数通常学得更快。</translation>
    </message>
    <message>
        <source>How the weights start before training. Small random numbers break the symmetry between neurons; He and Xavier scale them to the layer size so signals neither vanish nor explode.</source>
        <translation>训练开始前权重的取值。较小的随机数打破神经元之间的对称性；He 初始值和 Xavier 初始值按层的大小缩放，使信号既不消失也不爆炸。</translation>
    </message>
    <message>
        <source>The standard deviation of the starting weights for the &apos;std&apos; initialisation (the book uses 0.01).</source>
        <translation>“固定标准差”初始化时权重初始值的标准差（书中用 0.01）。</translation>
    </message>
    <message>
        <source>How wrong a prediction counts. Cross-entropy (with softmax) punishes confident mistakes hard; the quadratic cost (with sigmoid outputs) is Nielsen&apos;s chapter-1 choice.</source>
        <translation>衡量预测错得有多严重。交叉熵误差（配合 softmax 函数）重罚自信的错误；二次代价（配合 sigmoid 输出）是 Nielsen 第1章的选择。</translation>
    </message>
    <message>
        <source>The rule that turns gradients into weight changes. SGD steps straight downhill; Momentum and Adam remember past steps to move faster through flat valleys.</source>
        <translation>把梯度变为权重更新量的规则。随机梯度下降法（SGD）沿最陡方向直接下坡；Momentum 和 Adam 记住以往的步子，在平坦的山谷中走得更快。</translation>
    </message>
    <message>
        <source>The learning rate: how big each step downhill is. Too small learns slowly; too large overshoots and the loss can blow up. You can change it while training runs.</source>
        <translation>学习率：每一步下坡走多远。太小学得慢；太大会冲过头，损失函数的值可能发散。训练过程中也可以修改。</translation>
    </message>
    <message>
        <source>How many images are averaged for each gradient step (a mini-batch). Bigger batches give smoother but fewer steps per pass over the data.</source>
        <translation>每次梯度更新平均多少张图像（一个 mini-batch）。mini-batch 越大，每遍历一次数据的步数越少，但每一步更平稳。</translation>
    </message>
    <message>
        <source>How long to train: epochs (full passes over the training images) or a number of iterations (mini-batch steps).</source>
        <translation>训练多久：以 epoch 计（完整遍历一次训练图像），或以迭代次数计（mini-batch 的更新步数）。</translation>
    </message>
    <message>
        <source>How mini-batches are picked: at random with replacement each time (the book), or by shuffling once per epoch and walking through every image once (Nielsen).</source>
        <translation>如何选取 mini-batch：每次有放回地随机抽取（《深度学习入门》），或者每个 epoch 打乱一次、每张图像恰好用一次（Nielsen）。</translation>
    </message>
    <message>
        <source>Train on only the first N training images (0 = all 60,000). Small subsets run fast but generalise worse: watch the gap between train and test accuracy.</source>
        <translation>只用前 N 张训练图像训练（0 = 全部 60,000 张）。子集小则运行快，但泛化能力差：请注意训练与测试识别精度之间的差距。</translation>
    </message>
    <message>
        <source>The random seed: the same seed with the same settings gives exactly the same run.</source>
        <translation>随机种子：相同的种子加相同的设置，得到完全相同的训练过程。</translation>
    </message>
    <message>
        <source>L2 regularisation: a small pull of every weight towards zero, which fights overfitting. 0 switches it off.</source>
        <translation>L2 正则化：把每个权重轻轻拉向 0，以抑制过拟合。0 表示关闭。</translation>
    </message>
    <message>
        <source>Multiply the learning rate by this at the end of every epoch: big steps early, small careful steps later. 1 keeps it constant.</source>
        <translation>每个 epoch 结束时把学习率乘以这个值：前期步子大，后期步子小而谨慎。1 表示保持不变。</translation>
    </message>
    <message>
        <source>Randomly shift, rotate, scale, thicken and distort each training image every time it is used, so the network sees more varied handwriting (slower, generalises better).</source>
        <translation>每次使用训练图像时都随机平移、旋转、缩放、加粗并扭曲它，让网络见到更多样的笔迹（更慢，但泛化更好）。</translation>
    </message>
    <message>
        <source>Add this many computer-drawn digits that look like mouse drawings, so the model also reads what you draw on the Drawing pad. 0 adds none.</source>
        <translation>加入这么多像鼠标手写的计算机合成数字，让模型也能识别你在画板上写的数字。0 表示不加入。</translation>
    </message>
    <message>
        <source>Add the digits you saved on the Drawing pad to the training images.</source>
        <translation>把你在画板上保存的数字加入训练图像。</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>random distortions (augment)</source>
        <translation>随机变形（数据增强）</translation>
    </message>
    <message>
        <source>include my digits</source>
        <translation>加入我的数字</translation>
    </message>
    <message>
        <source>Not available yet: no saved digits module in this version.</source>
        <translation>暂不可用：此版本没有保存数字的模块。</translation>
    </message>
    <message>
        <source>learning rate: {text} is not a number</source>
        <translation>学习率：{text} 不是数字</translation>
    </message>
    <message>
        <source>learning rate must be a positive number</source>
        <translation>学习率必须是正数</translation>
    </message>
</context>
<context>
    <name>PerceptronExplorer</name>
    <message>
        <source>NAND and OR, then AND</source>
        <translation>与非门和或门，再接与门</translation>
    </message>
    <message>
        <source>s1 = NAND(x1, x2), s2 = OR(x1, x2); then y = AND(s1, s2)</source>
        <translation>s1 = NAND(x1, x2)，s2 = OR(x1, x2)；然后 y = AND(s1, s2)</translation>
    </message>
    <message>
        <source>four NANDs (Nielsen)</source>
        <translation>四个与非门（Nielsen）</translation>
    </message>
    <message>
        <source>n1 = NAND(x1, x2); n2 = NAND(x1, n1), n3 = NAND(x2, n1); y = NAND(n2, n3)</source>
        <translation>n1 = NAND(x1, x2)；n2 = NAND(x1, n1)，n3 = NAND(x2, n1)；y = NAND(n2, n3)</translation>
    </message>
    <message>
        <source>load weights of</source>
        <translation>载入权重</translation>
    </message>
    <message>
        <source>wanted truth table</source>
        <translation>目标真值表</translation>
    </message>
    <message>
        <source>weight w1</source>
        <translation>权重 w1</translation>
    </message>
    <message>
        <source>weight w2</source>
        <translation>权重 w2</translation>
    </message>
    <message>
        <source>bias b</source>
        <translation>偏置 b</translation>
    </message>
    <message>
        <source>out</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>want</source>
        <translation>期望</translation>
    </message>
    <message>
        <source>Truth table of this perceptron</source>
        <translation>这个感知机的真值表</translation>
    </message>
    <message>
        <source>Searching for weights</source>
        <translation>搜索权重</translation>
    </message>
    <message>
        <source>Input space: shaded where the perceptron outputs 1</source>
        <translation>输入空间：阴影部分是感知机输出 1 的区域</translation>
    </message>
    <message>
        <source>XOR from two layers of perceptrons</source>
        <translation>用两层感知机实现异或门（XOR）</translation>
    </message>
    <message>
        <source>These weights compute {gate}.</source>
        <translation>这组权重实现了 {gate}。</translation>
    </message>
    <message>
        <source>No single perceptron computes XOR.</source>
        <translation>单个感知机无法实现 XOR。</translation>
    </message>
    <message>
        <source>Its output is 1 on one side of a straight line, but XOR wants (0,1) and (1,0) on one side and (0,0), (1,1) on the other: the points are not linearly separable. Two layers can do it (table below the plot).</source>
        <translation>感知机在一条直线的一侧输出 1，但 XOR 要求 (0,1) 和 (1,0) 在一侧，(0,0) 和 (1,1) 在另一侧：这些点不是线性可分的。两层感知机可以做到（见图下方的表）。</translation>
    </message>
    <message>
        <source>Not {gate} yet:</source>
        <translation>还不是 {gate}：</translation>
    </message>
    <message>
        <source>{wrong} of 4 rows differ. Move the line so that the filled points lie in the shaded side.</source>
        <translation>4 行中有 {wrong} 行不同。移动直线，使实心点位于阴影一侧。</translation>
    </message>
    <message>
        <source>Of {tried:,} weight and bias settings on a grid over [−5, 5]³, &lt;b&gt;{found:,}&lt;/b&gt; compute {gate}.</source>
        <translation>在 [−5, 5]³ 网格上的 {tried:,} 组权重和偏置中，有 &lt;b&gt;{found:,}&lt;/b&gt; 组实现了 {gate}。</translation>
    </message>
    <message>
        <source> None can: no straight line separates XOR&apos;s ones from its zeros.</source>
        <translation> 一组也没有：没有直线能把 XOR 的 1 和 0 分开。</translation>
    </message>
    <message>
        <source>wanted {value}</source>
        <translation>期望 {value}</translation>
    </message>
</context>
<context>
    <name>RunHistory</name>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <source>{state}, not learning</source>
        <translation>{state}，没有在学习</translation>
    </message>
    <message>
        <source>run {number} ({preset}, {state})</source>
        <translation>第 {number} 次运行（{preset}，{state}）</translation>
    </message>
    <message>
        <source>{run} · earlier session</source>
        <translation>{run} · 之前的会话</translation>
    </message>
    <message>
        <source>{run} · from {file}</source>
        <translation>{run} · 来自 {file}</translation>
    </message>
    <message>
        <source>it is larger than {mb} MB</source>
        <translation>文件大于 {mb} MB</translation>
    </message>
    <message>
        <source>it is not an NN Studio run history</source>
        <translation>它不是 NN Studio 的运行历史</translation>
    </message>
    <message>
        <source>it has version {found}, this NN Studio reads version {version}</source>
        <translation>它的版本是 {found}，此 NN Studio 读取版本 {version}</translation>
    </message>
    <message>
        <source>it has no list of runs</source>
        <translation>其中没有运行列表</translation>
    </message>
    <message>
        <source>the run history is damaged (not valid JSON from byte {pos:,})</source>
        <translation>运行历史已损坏（从第 {pos:,} 字节起不是有效的 JSON）</translation>
    </message>
    <message>
        <source>the run history is damaged (not text)</source>
        <translation>运行历史已损坏（不是文本）</translation>
    </message>
    <message>
        <source>the run history is damaged (nested too deeply)</source>
        <translation>运行历史已损坏（嵌套太深）</translation>
    </message>
    <message>
        <source>the run history could not be read ({reason})</source>
        <translation>无法读取运行历史（{reason}）</translation>
    </message>
    <message>
        <source>{bad} of its {total} runs could not be read; the other {read} were</source>
        <translation>其中 {total} 次运行有 {bad} 次无法读取；其余 {read} 次已读取</translation>
    </message>
    <message>
        <source>{problem}. It could not be set aside ({reason}); it is left at {path} and will be replaced when a run ends.</source>
        <translation>{problem}。无法把它移到一旁（{reason}）；它仍在 {path}，并将在一次运行结束时被替换。</translation>
    </message>
    <message>
        <source>{problem}. The file was kept as {path}; a new history starts.</source>
        <translation>{problem}。该文件已另存为 {path}；将开始新的历史。</translation>
    </message>
</context>
<context>
    <name>RunOpener</name>
    <message>
        <source>Open run</source>
        <translation>打开运行记录</translation>
    </message>
    <message>
        <source>Run exported as JSON (*.json);;All files (*)</source>
        <translation>导出为 JSON 的运行记录 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Opened run {number} from {file}: compare it with the shown run.</source>
        <translation>已从 {file} 打开第 {number} 次运行：可与显示的运行比较。</translation>
    </message>
    <message>
        <source>Opened {n} runs from {file}: compare them with the shown run.</source>
        <translation>已从 {file} 打开 {n} 次运行：可与显示的运行比较。</translation>
    </message>
</context>
<context>
    <name>Saving</name>
    <message>
        <source>the image could not be encoded as {format}</source>
        <translation>无法把图像编码为 {format}</translation>
    </message>
    <message>
        <source>Could not save {file}: {reason}</source>
        <translation>无法保存 {file}：{reason}</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image, twice the screen&apos;s resolution (*.png)</source>
        <translation>PNG 图像，屏幕分辨率的两倍 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>CSV of the plotted data (*.csv)</source>
        <translation>所绘数据的 CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>nothing to export: no plot is visible</source>
        <translation>没有可导出的内容：没有可见的图表</translation>
    </message>
    <message>
        <source>this view has no curves or bars to save as CSV (choose PNG or SVG)</source>
        <translation>此视图没有可保存为 CSV 的曲线或柱形（请选择 PNG 或 SVG）</translation>
    </message>
    <message>
        <source>Plot exported to {path}</source>
        <translation>图表已导出到 {path}</translation>
    </message>
</context>
<context>
    <name>SimpleNetBox</name>
    <message>
        <source>backprop&apos;s xᵀ(y − t) agrees: relative error &lt;b&gt;{error}&lt;/b&gt; (measured now).</source>
        <translation>误差反向传播法的 xᵀ(y − t) 与之一致：相对误差 &lt;b&gt;{error}&lt;/b&gt;（刚刚测得）。</translation>
    </message>
    <message>
        <source>The book&apos;s simpleNet (ch. 4)</source>
        <translation>书中的 simpleNet（第4章）</translation>
    </message>
</context>
<context>
    <name>SoftmaxExplorer</name>
    <message>
        <source>naive p</source>
        <translation>直接计算的 p</translation>
    </message>
    <message>
        <source>shifted p</source>
        <translation>平移后的 p</translation>
    </message>
    <message>
        <source>softmax(z / T): T &gt; 1 flattens the distribution, T &lt; 1 sharpens it</source>
        <translation>softmax(z / T)：T &gt; 1 使分布更平缓，T &lt; 1 使其更尖锐</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>temperature T</source>
        <translation>温度 T</translation>
    </message>
    <message>
        <source>Logits z</source>
        <translation>输入信号 z</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>All zero</source>
        <translation>全部为 0</translation>
    </message>
    <message>
        <source>Overflow demo: z = [1010, 1000, 990]</source>
        <translation>溢出演示：z = [1010, 1000, 990]</translation>
    </message>
    <message>
        <source>Probabilities softmax(z / T)</source>
        <translation>概率 softmax(z / T)</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Naive exp(z)/Σexp(z) against the max-shifted formula</source>
        <translation>直接计算 exp(z)/Σexp(z) 与减去最大值后的公式对比</translation>
    </message>
    <message>
        <source>largest: class {k} (p = {p})</source>
        <translation>最大：类别 {k}（p = {p}）</translation>
    </message>
    <message>
        <source>The naive formula breaks:</source>
        <translation>直接计算的公式失效了：</translation>
    </message>
    <message>
        <source>exp(z) overflows to inf for z above about 709, and inf / inf is nan. Subtracting the largest logit first changes nothing mathematically, but keeps every exponent ≤ 0.</source>
        <translation>z 大于约 709 时 exp(z) 溢出为 inf，而 inf / inf 是 nan。先减去最大的输入信号在数学上没有任何改变，却让每个指数都 ≤ 0。</translation>
    </message>
    <message>
        <source>Both formulas agree here. Try the overflow demo, or a logit above 710.</source>
        <translation>这里两个公式的结果一致。试试溢出演示，或者输入大于 710 的值。</translation>
    </message>
</context>
<context>
    <name>TeachBox</name>
    <message>
        <source>Teach it my handwriting</source>
        <translation>教它认我的笔迹</translation>
    </message>
    <message>
        <source>Fine-tune the pad&apos;s model on your labelled digits mixed with MNIST (a few seconds). Kept only if its MNIST test accuracy stays within 0.5 point; Undo goes back.</source>
        <translation>用你加了标签的数字混合 MNIST 微调画板的模型（几秒钟）。只有当它在 MNIST 测试数据上的识别精度下降不超过 0.5 个百分点时才保留；“撤销教学”可以恢复。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Undo teaching</source>
        <translation>撤销教学</translation>
    </message>
    <message>
        <source>There is no model to teach: train one or open one.</source>
        <translation>没有可以教的模型：请训练一个或打开一个。</translation>
    </message>
    <message>
        <source>Draw some digits and keep them with the 0-9 buttons first: the model learns from those.</source>
        <translation>请先写几个数字，并用 0-9 按钮保存：模型从它们学习。</translation>
    </message>
    <message>
        <source>Loading MNIST (it is mixed in, and measured)…</source>
        <translation>正在加载 MNIST（用于混合训练和测量）…</translation>
    </message>
    <message>
        <source>Teaching {model} your {n} digits…</source>
        <translation>正在用你的 {n} 个数字教 {model}…</translation>
    </message>
    <message>
        <source>Teaching {model} your digit…</source>
        <translation>正在用你的这个数字教 {model}…</translation>
    </message>
    <message>
        <source>MNIST could not be loaded: {reason}</source>
        <translation>无法加载 MNIST：{reason}</translation>
    </message>
    <message>
        <source>Could not teach it: {reason}</source>
        <translation>无法教学：{reason}</translation>
    </message>
    <message>
        <source>MNIST test</source>
        <translation>MNIST 测试数据</translation>
    </message>
    <message>
        <source>{name} test</source>
        <translation>{name} 测试数据</translation>
    </message>
    <message>
        <source>Your {n} digits: {mine_before} → {mine_after}. {test}: {before} → {after}.</source>
        <translation>你的 {n} 个数字：{mine_before} → {mine_after}。{test}：{before} → {after}。</translation>
    </message>
    <message>
        <source>Your digit: {mine_before} → {mine_after}. {test}: {before} → {after}.</source>
        <translation>你的这个数字：{mine_before} → {mine_after}。{test}：{before} → {after}。</translation>
    </message>
    <message>
        <source>{model} + my handwriting</source>
        <translation>{model} + 我的笔迹</translation>
    </message>
    <message>
        <source>Kept: the pad now reads with “{model}”.</source>
        <translation>已保留：画板现在用“{model}”识别。</translation>
    </message>
    <message>
        <source>Not kept: its test accuracy would fall by {drop} points (more than {limit}). The model is unchanged.</source>
        <translation>未保留：测试数据上的识别精度会下降 {drop} 个百分点（超过 {limit}）。模型没有改变。</translation>
    </message>
    <message>
        <source>Undone: the pad reads with “{model}” again.</source>
        <translation>已撤销：画板重新用“{model}”识别。</translation>
    </message>
    <message>
        <source>Measuring before</source>
        <translation>测量（微调前）</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Measuring after</source>
        <translation>测量（微调后）</translation>
    </message>
    <message>
        <source>Cancelled: the model is unchanged.</source>
        <translation>已取消：模型没有改变。</translation>
    </message>
    <message>
        <source>Not kept: the training diverged. The model is unchanged.</source>
        <translation>未保留：训练已发散。模型没有改变。</translation>
    </message>
</context>
<context>
    <name>TileMosaic</name>
    <message>
        <source>Per-tile scale</source>
        <translation>每块单独缩放</translation>
    </message>
    <message>
        <source>Scale each tile to its own largest |weight| instead of one shared scale for all units (shapes become visible in weak units).</source>
        <translation>每块按自身最大的 |权重| 缩放，而不是所有单元共用一个刻度（较弱单元的形状也能看清）。</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <source>{n} hidden units, each tile the 784 weights into one unit — click a tile for details</source>
        <translation>{n} 个隐藏单元，每块是输入一个单元的 784 个权重 —— 单击一块查看详情</translation>
    </message>
    <message>
        <source>weight ÷ largest |weight| of its tile</source>
        <translation>权重 ÷ 本块最大 |权重|</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>unit {unit}  ·  pixel (row {row}, col {col})  ·  weight {value}   — click a tile for details</source>
        <translation>单元 {unit}  ·  像素（第 {row} 行，第 {col} 列）  ·  权重 {value}   —— 单击一块查看详情</translation>
    </message>
    <message>
        <source>units {first}–{last} of {n}</source>
        <translation>单元 {first}–{last}，共 {n} 个</translation>
    </message>
</context>
<context>
    <name>UnitDetail</name>
    <message>
        <source>Click a tile to see one hidden unit up close.</source>
        <translation>单击一块，近距离查看一个隐藏单元。</translation>
    </message>
    <message>
        <source>incoming weights (28×28)</source>
        <translation>输入权重（28×28）</translation>
    </message>
    <message>
        <source>outgoing weights</source>
        <translation>输出权重</translation>
    </message>
    <message>
        <source>test images that excite it most</source>
        <translation>最能激活它的测试图像</translation>
    </message>
    <message>
        <source>test images that excite it most (loading…)</source>
        <translation>最能激活它的测试图像（加载中…）</translation>
    </message>
    <message>
        <source>the {n} test images that excite it most (label: activation)</source>
        <translation>最能激活它的 {n} 张测试图像（标签：激活值）</translation>
    </message>
    <message>
        <source>layer 1</source>
        <translation>第 1 层</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hidden unit {unit}&lt;/b&gt; of {layer}: red pixels push it up, blue down; the bars show how it votes for each {what}.</source>
        <translation>{layer}的&lt;b&gt;隐藏单元 {unit}&lt;/b&gt;：红色像素使它增大，蓝色使它减小；柱形显示它对每个{what}的投票。</translation>
    </message>
    <message>
        <source>outgoing weights to each {what}</source>
        <translation>通向每个{what}的输出权重</translation>
    </message>
</context>
<context>
    <name>VerdictView</name>
    <message>
        <source>Too little ink to be a digit.</source>
        <translation>笔迹太少，不像一个数字。</translation>
    </message>
    <message>
        <source>Drawn too small to read: draw the digit larger.</source>
        <translation>写得太小，无法识别：请把数字写大一些。</translation>
    </message>
    <message>
        <source>A straight line, not a digit.</source>
        <translation>这是一条直线，不是数字。</translation>
    </message>
    <message>
        <source>A scribble or a shape, not a digit.</source>
        <translation>这是涂鸦或图形，不是数字。</translation>
    </message>
    <message>
        <source>Several digits or separate marks side by side: draw one digit.</source>
        <translation>并排有几个数字或几处分开的笔迹：请只写一个数字。</translation>
    </message>
    <message>
        <source>Much wider than a digit.</source>
        <translation>比一个数字宽得多。</translation>
    </message>
    <message>
        <source>Two digits are almost equally likely.</source>
        <translation>两个数字的可能性几乎相同。</translation>
    </message>
    <message>
        <source>The network does not recognise any digit in it.</source>
        <translation>网络从中认不出任何数字。</translation>
    </message>
    <message>
        <source>{a} or {b}?</source>
        <translation>{a} 还是 {b}？</translation>
    </message>
    <message>
        <source>best guess {digit}, p = {p}</source>
        <translation>最可能是 {digit}，p = {p}</translation>
    </message>
    <message>
        <source>Not a digit</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>no model to ask</source>
        <translation>没有可以识别的模型</translation>
    </message>
</context>
</TS>
