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
    <name>ActivationsView</name>
    <message>
        <source>Digit on the drawing pad</source>
        <translation>画板上的数字</translation>
    </message>
    <message>
        <source>Test image #</source>
        <translation>测试图像 #</translation>
    </message>
    <message>
        <source>Input:</source>
        <translation>输入：</translation>
    </message>
    <message>
        <source>scores (last affine layer)</source>
        <translation>得分（最后一个全连接层）</translation>
    </message>
    <message>
        <source>unit of the last hidden layer</source>
        <translation>最后一个隐藏层的单元</translation>
    </message>
    <message>
        <source>activation × weight</source>
        <translation>激活值 × 权重</translation>
    </message>
    <message>
        <source>input (28×28)</source>
        <translation>输入（28×28）</translation>
    </message>
    <message>
        <source>output probabilities</source>
        <translation>输出概率</translation>
    </message>
    <message>
        <source>how the last hidden layer votes</source>
        <translation>最后一个隐藏层如何投票</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>The drawing pad is empty: draw a digit there (Drawing pad panel).</source>
        <translation>画板是空的：请在“画板”面板上写一个数字。</translation>
    </message>
    <message>
        <source>the digit on the drawing pad</source>
        <translation>画板上的数字</translation>
    </message>
    <message>
        <source>No test images yet: the dataset is loading (or could not be loaded).</source>
        <translation>还没有测试图像：数据集正在加载（或无法加载）。</translation>
    </message>
    <message>
        <source>test image {i} (label {label})</source>
        <translation>测试图像 {i}（标签 {label}）</translation>
    </message>
    <message>
        <source>dense layer {n}</source>
        <translation>全连接层 {n}</translation>
    </message>
    <message>
        <source>hidden layer {n}</source>
        <translation>隐藏层 {n}</translation>
    </message>
    <message>
        <source>{layer}: {name} = {function}(A{n}), {units} units</source>
        <translation>{layer}：{name} = {function}(A{n})，{units} 个单元</translation>
    </message>
    <message>
        <source>output: {digit} with probability {p}</source>
        <translation>输出：{digit}，概率 {p}</translation>
    </message>
    <message>
        <source>Showing {input}: hover a strip to read a unit&apos;s activation.</source>
        <translation>显示的是{input}：把鼠标移到色带上可读出单元的激活值。</translation>
    </message>
    <message>
        <source> The conv layers&apos; feature maps are on the Feature maps tab.</source>
        <translation>卷积层的特征图在“特征图”选项卡上。</translation>
    </message>
    <message>
        <source>no input</source>
        <translation>没有输入</translation>
    </message>
    <message>
        <source>no hidden layer: the scores come straight from the pixels</source>
        <translation>没有隐藏层：得分直接来自像素</translation>
    </message>
    <message>
        <source>how {name} votes for digit {digit}: {name}·W{n} summed ({sum}) + bias ({bias}) = score {score}</source>
        <translation>{name} 如何为数字 {digit} 投票：{name}·W{n} 之和（{sum}）+ 偏置（{bias}）= 得分 {score}</translation>
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
    <name>ConvFiltersView</name>
    <message>
        <source>Each tile is one filter of the first convolution: the weights it multiplies with every patch of the image it slides over. Red taps add where the pixel is inked, blue ones subtract; a filter with red on one side and blue on the other answers to edges. The Feature maps tab shows what each filter makes of a digit.</source>
        <translation>每一块是第一个卷积层的一个滤波器：它在图像上滑动，与图像的每个小块相乘的权重。红色的权重在像素有墨迹处加分，蓝色的减分；一侧红、另一侧蓝的滤波器对边缘有反应。“特征图”选项卡显示每个滤波器从一个数字中得到什么。</translation>
    </message>
    <message>
        <source>filter {f}</source>
        <translation>滤波器 {f}</translation>
    </message>
    <message>
        <source>filter {f}, channel {k}</source>
        <translation>滤波器 {f}，通道 {k}</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>first-layer filters: {n} of {h}×{w} over {c} channels, bias from {low} to {high}</source>
        <translation>第一层滤波器：{n} 个 {h}×{w}，覆盖 {c} 个通道，偏置从 {low} 到 {high}</translation>
    </message>
    <message>
        <source>first-layer filters: {n} of {h}×{w}, bias from {low} to {high}</source>
        <translation>第一层滤波器：{n} 个 {h}×{w}，偏置从 {low} 到 {high}</translation>
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
    <name>DeclareDialog</name>
    <message>
        <source>Open a PyTorch state dict</source>
        <translation>打开 PyTorch 状态字典</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>……另有 {n} 层</translation>
    </message>
    <message>
        <source>{file} holds the weights of these layers, but not what comes between them. Say which activation follows each layer but the last{arch}, and NN Studio reads it as that network:</source>
        <translation>{file} 保存了下面这些层的权重，但没有说明层与层之间是什么。请指定除最后一层外每层之后的激活函数{arch}，NN Studio 就按这样的网络读取它：</translation>
    </message>
    <message>
        <source> and how the convolutions and pooling are laid out</source>
        <translation>，以及卷积层和池化层的排列方式</translation>
    </message>
    <message>
        <source>The layers in order, as in the Training panel&apos;s Architecture field: conv 16 5x5, pool 2, dense 128, dense 10</source>
        <translation>按顺序写出各层，与训练面板的“网络结构”一栏相同：conv 16 5x5, pool 2, dense 128, dense 10</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>网络结构</translation>
    </message>
</context>
<context>
    <name>DescentControls</name>
    <message>
        <source>Book: lr 0.1 from (−3, 4), 100 steps</source>
        <translation>书中实验：学习率 0.1，从 (−3, 4) 出发，100 步</translation>
    </message>
    <message>
        <source>lr 10 diverges</source>
        <translation>学习率 10：发散</translation>
    </message>
    <message>
        <source>lr 1e-10 barely moves</source>
        <translation>学习率 1e-10：几乎不动</translation>
    </message>
    <message>
        <source>Book&apos;s comparison: x₀²/20 + x₁² from (−7, 2)</source>
        <translation>书中的比较：x₀²/20 + x₁²，从 (−7, 2) 出发</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Your own f(x₀, x₁)…</source>
        <translation>自定义 f(x₀, x₁)…</translation>
    </message>
    <message>
        <source>numbers, x0, x1, + - * / **, pi, e and sin cos tan exp log sqrt abs tanh arctan sigmoid …</source>
        <translation>可用：数字、x0、x1、+ - * / **、pi、e 以及 sin cos tan exp log sqrt abs tanh arctan sigmoid …</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>绘制</translation>
    </message>
    <message>
        <source>frame x₀ and x₁ in [−w, w] around the function&apos;s centre (any function; the mouse wheel zooms from there)</source>
        <translation>以函数的中心为准，把 x₀ 和 x₁ 显示在 [−w, w] 内（适用于任何函数；之后可用鼠标滚轮缩放）</translation>
    </message>
    <message>
        <source>view ±</source>
        <translation>视野 ±</translation>
    </message>
    <message>
        <source>Type your own f(x0, x1):</source>
        <translation>输入自己的 f(x0, x1)：</translation>
    </message>
    <message>
        <source>Gradient arrows (−∇f)</source>
        <translation>梯度箭头（−∇f）</translation>
    </message>
    <message>
        <source>show arrows</source>
        <translation>显示箭头</translation>
    </message>
    <message>
        <source>equal scales</source>
        <translation>等比例坐标</translation>
    </message>
    <message>
        <source>one unit of x₀ as long as one of x₁ on screen: circles stay round and −∇f looks perpendicular to the contours</source>
        <translation>屏幕上 x₀ 与 x₁ 的单位长度相同：圆保持为圆，−∇f 看起来垂直于等高线</translation>
    </message>
    <message>
        <source>numerical (central differences)</source>
        <translation>数值梯度（中心差分）</translation>
    </message>
    <message>
        <source>analytic (the formula&apos;s derivative)</source>
        <translation>解析梯度（公式的导数）</translation>
    </message>
    <message>
        <source>which gradient the arrows show and the optimizers follow</source>
        <translation>箭头显示、优化器沿用的是哪种梯度</translation>
    </message>
    <message>
        <source>arrows per side: n × n</source>
        <translation>每边的箭头数：n × n</translation>
    </message>
    <message>
        <source>arrows per side</source>
        <translation>每边箭头数</translation>
    </message>
    <message>
        <source>Descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>click or drag on the plot to move the start</source>
        <translation>在图上单击或拖动以移动起点</translation>
    </message>
</context>
<context>
    <name>DescentPanel</name>
    <message>
        <source>Gradient descent in 2D</source>
        <translation>二维梯度下降法</translation>
    </message>
    <message>
        <source>Numerical differentiation</source>
        <translation>数值微分</translation>
    </message>
    <message>
        <source>Partial derivatives</source>
        <translation>偏导数</translation>
    </message>
</context>
<context>
    <name>DescentPlayground</name>
    <message>
        <source>hover over the plot to read f there; click or drag to move the start</source>
        <translation>鼠标悬停在图上可读取该处的 f；单击或拖动以移动起点</translation>
    </message>
    <message>
        <source>Your function: only the numerical gradient is known.</source>
        <translation>自定义函数：只能求数值梯度。</translation>
    </message>
    <message>
        <source>Type a formula above and press Enter.</source>
        <translation>请在上方输入公式并按 Enter 键。</translation>
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
    <name>EvaluateView</name>
    <message>
        <source> · not evaluated yet</source>
        <translation> · 尚未评估</translation>
    </message>
    <message>
        <source> · loading the dataset…</source>
        <translation> · 正在加载数据集…</translation>
    </message>
    <message>
        <source> · evaluating…</source>
        <translation> · 正在评估…</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Run the current model on every test image</source>
        <translation>用当前模型识别每一张测试图像</translation>
    </message>
    <message>
        <source>Test accuracy beside two baselines</source>
        <translation>测试识别精度与两个基准的比较</translation>
    </message>
    <message>
        <source>Accuracy per label</source>
        <translation>每个标签的识别精度</translation>
    </message>
    <message>
        <source>true label</source>
        <translation>真实标签</translation>
    </message>
    <message>
        <source>Evaluation failed: {message}</source>
        <translation>评估失败：{message}</translation>
    </message>
    <message>
        <source>This model takes {inputs} inputs but the images have {pixels} pixels: it cannot be evaluated on this dataset.</source>
        <translation>这个模型有 {inputs} 个输入，但图像有 {pixels} 个像素：无法在这个数据集上评估。</translation>
    </message>
    <message>
        <source>This model has {outputs} outputs, not one per label (10).</source>
        <translation>这个模型有 {outputs} 个输出，而不是每个标签一个（10 个）。</translation>
    </message>
    <message>
        <source>The test set is empty.</source>
        <translation>测试集是空的。</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>没有模型</translation>
    </message>
    <message>
        <source>Model: {name} ({shape}, {activation})</source>
        <translation>模型：{name}（{shape}，{activation}）</translation>
    </message>
    <message>
        <source>No model to evaluate yet. Train one in the Training panel or open a saved model; it is evaluated here as soon as it appears.</source>
        <translation>还没有可评估的模型。请在“训练”面板上训练一个，或打开一个已保存的模型；模型一出现就会在这里评估。</translation>
    </message>
    <message>
        <source>No model yet</source>
        <translation>还没有模型</translation>
    </message>
    <message>
        <source>The model&apos;s mistakes will appear here.</source>
        <translation>模型的错误会显示在这里。</translation>
    </message>
    <message>
        <source>Test accuracy &lt;b&gt;{accuracy}%&lt;/b&gt;</source>
        <translation>测试识别精度 &lt;b&gt;{accuracy}%&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{right:,} of {n:,} test images right, {wrong:,} wrong ({name})</source>
        <translation>{n:,} 张测试图像中 {right:,} 张正确，{wrong:,} 张错误（{name}）</translation>
    </message>
    <message>
        <source>random guess</source>
        <translation>随机猜测</translation>
    </message>
    <message>
        <source>average darkness</source>
        <translation>平均暗度</translation>
    </message>
    <message>
        <source>this model</source>
        <translation>这个模型</translation>
    </message>
    <message>
        <source> {accuracy}% (expected 10%)</source>
        <translation> {accuracy}%（期望值 10%）</translation>
    </message>
    <message>
        <source>% right</source>
        <translation>正确率 %</translation>
    </message>
    <message>
        <source>(dashed: all labels, {accuracy}%)</source>
        <translation>（虚线：全部标签，{accuracy}%）</translation>
    </message>
    <message>
        <source>Mistakes, most confident first</source>
        <translation>错误，置信度最高的在前</translation>
    </message>
    <message>
        <source>No mistakes: every test image is right.</source>
        <translation>没有错误：每一张测试图像都正确。</translation>
    </message>
    <message>
        <source>({n:,} images, right; most confident first)</source>
        <translation>（{n:,} 张图像，正确；置信度最高的在前）</translation>
    </message>
    <message>
        <source>({n:,} images, wrong; most confident first)</source>
        <translation>（{n:,} 张图像，错误；置信度最高的在前）</translation>
    </message>
    <message>
        <source>True {true}, predicted {predicted}</source>
        <translation>真实 {true}，预测 {predicted}</translation>
    </message>
    <message>
        <source>No test image labelled {true} was called {predicted}.</source>
        <translation>没有标签为 {true} 的测试图像被识别为 {predicted}。</translation>
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
    <name>FeatureMapsView</name>
    <message>
        <source>convolution output</source>
        <translation>卷积输出</translation>
    </message>
    <message>
        <source>after {act}</source>
        <translation>经过 {act} 后</translation>
    </message>
    <message>
        <source>after max pooling</source>
        <translation>经过 Max 池化后</translation>
    </message>
    <message>
        <source>{name} · {kind} · {c} maps of {h}×{w}</source>
        <translation>{name} · {kind} · {c} 个 {h}×{w} 的特征图</translation>
    </message>
    <message>
        <source>Digit on the drawing pad</source>
        <translation>画板上的数字</translation>
    </message>
    <message>
        <source>Test image #</source>
        <translation>测试图像 #</translation>
    </message>
    <message>
        <source>Input:</source>
        <translation>输入：</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>Which layer&apos;s feature maps to show: each convolution&apos;s output, the same after the activation, and after pooling.</source>
        <translation>显示哪一层的特征图：每个卷积层的输出、经过激活函数后的输出，以及池化后的输出。</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>count</source>
        <translation>个数</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>histogram of the layer&apos;s values</source>
        <translation>该层数值的直方图</translation>
    </message>
    <message>
        <source>The drawing pad is empty: draw a digit there, or pick a test image.</source>
        <translation>画板是空的：请在画板上写一个数字，或选择一张测试图像。</translation>
    </message>
    <message>
        <source>the digit on the drawing pad</source>
        <translation>画板上的数字</translation>
    </message>
    <message>
        <source>No test images yet: the dataset is loading (or could not be loaded).</source>
        <translation>还没有测试图像：数据集正在加载（或无法加载）。</translation>
    </message>
    <message>
        <source>test image {i} (label {label})</source>
        <translation>测试图像 {i}（标签 {label}）</translation>
    </message>
    <message>
        <source>{input}: read as {digit} ({p})</source>
        <translation>{input}：识别为 {digit}（{p}）</translation>
    </message>
    <message>
        <source>Showing {input}; hover a map to read its values.</source>
        <translation>显示的是{input}；把鼠标移到特征图上可读出数值。</translation>
    </message>
    <message>
        <source>no input</source>
        <translation>没有输入</translation>
    </message>
    <message>
        <source>This model has no conv or pool layer.</source>
        <translation>这个模型没有卷积层或池化层。</translation>
    </message>
    <message>
        <source>{name} map {i}</source>
        <translation>{name} 特征图 {i}</translation>
    </message>
    <message>
        <source>{n:,} values of {name}: mean {mean}, {zero} exactly zero</source>
        <translation>{name} 的 {n:,} 个值：平均值 {mean}，{zero} 恰好为零</translation>
    </message>
    <message>
        <source>{n:,} values of {name}: mean {mean}</source>
        <translation>{name} 的 {n:,} 个值：平均值 {mean}</translation>
    </message>
</context>
<context>
    <name>FieldPainter</name>
    <message>
        <source>White: f is not finite there.</source>
        <translation>白色：该处 f 不是有限值。</translation>
    </message>
    <message>
        <source>Analytic and numerical gradients differ at {bad} of {compared} grid points (circled in red; largest relative difference {worst}).</source>
        <translation>解析梯度与数值梯度在 {compared} 个网格点中的 {bad} 个处不一致（红圈标出；最大相对差 {worst}）。</translation>
    </message>
    <message>
        <source>Analytic and numerical gradients agree on this {n}×{n} grid (largest relative difference {worst}).</source>
        <translation>解析梯度与数值梯度在这个 {n}×{n} 网格上一致（最大相对差 {worst}）。</translation>
    </message>
    <message>
        <source>A typed-in function has only the numerical gradient (central differences, h = 1e-4).</source>
        <translation>输入的函数只有数值梯度（中心差分，h = 1e-4）。</translation>
    </message>
    <message>
        <source>analytic</source>
        <translation>解析梯度</translation>
    </message>
    <message>
        <source>numerical</source>
        <translation>数值梯度</translation>
    </message>
    <message>
        <source>Arrows: −∇f, {kind}; length follows |∇f|, capped. {info}</source>
        <translation>箭头：−∇f，{kind}；长度随 |∇f| 变化，有上限。{info}</translation>
    </message>
</context>
<context>
    <name>FieldView</name>
    <message>
        <source>start</source>
        <translation>起点</translation>
    </message>
</context>
<context>
    <name>FirstLayerView</name>
    <message>
        <source>digit</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>unit of layer 2</source>
        <translation>第 2 层单元</translation>
    </message>
    <message>
        <source>layer 1 ({activation})</source>
        <translation>第 1 层（{activation}）</translation>
    </message>
</context>
<context>
    <name>FormulaErrors</name>
    <message>
        <source>the formula must be text</source>
        <translation>公式必须是文本</translation>
    </message>
    <message>
        <source>type a formula in x0 and x1, e.g. {example}</source>
        <translation>请输入关于 x0 和 x1 的公式，例如 {example}</translation>
    </message>
    <message>
        <source>the formula is too long ({n} characters, limit {limit})</source>
        <translation>公式太长（{n} 个字符，上限 {limit}）</translation>
    </message>
    <message>
        <source>not a formula: a syntax error at column {column}</source>
        <translation>不是有效的公式：第 {column} 列有语法错误</translation>
    </message>
    <message>
        <source>not a formula: a syntax error</source>
        <translation>不是有效的公式：有语法错误</translation>
    </message>
    <message>
        <source>the formula is nested too deeply</source>
        <translation>公式嵌套太深</translation>
    </message>
    <message>
        <source>the formula is too complex ({n} parts, limit {limit})</source>
        <translation>公式太复杂（{n} 个部分，上限 {limit}）</translation>
    </message>
    <message>
        <source>the formula cannot be computed: {detail}</source>
        <translation>无法计算该公式（{detail}）</translation>
    </message>
    <message>
        <source>only numbers are allowed as constants, not {kind}</source>
        <translation>常量只能是数字，不能是 {kind}</translation>
    </message>
    <message>
        <source>a number in the formula is too large for a float</source>
        <translation>公式中的某个数字超出了浮点数的范围</translation>
    </message>
    <message>
        <source>{name} is a function: write {name}(...)</source>
        <translation>{name} 是函数：请写成 {name}(...)</translation>
    </message>
    <message>
        <source>unknown name {name}: use x0, x1, pi, e and functions such as sin, cos, exp, log, sqrt, abs, tanh</source>
        <translation>未知的名称 {name}：请使用 x0、x1、pi、e 以及 sin、cos、exp、log、sqrt、abs、tanh 等函数</translation>
    </message>
    <message>
        <source>^ is not a power here: write x0**2</source>
        <translation>这里 ^ 不表示乘方：请写成 x0**2</translation>
    </message>
    <message>
        <source>the operator {op} is not allowed; use + - * / **</source>
        <translation>不允许使用运算符 {op}；请使用 + - * / **</translation>
    </message>
    <message>
        <source>the exponent {value} is too large (limit ±{limit})</source>
        <translation>指数 {value} 太大（上限 ±{limit}）</translation>
    </message>
    <message>
        <source>only named functions such as sin(x0) can be called</source>
        <translation>只能调用有名称的函数，例如 sin(x0)</translation>
    </message>
    <message>
        <source>{name} is not an allowed function; allowed: {allowed}</source>
        <translation>{name} 不是允许的函数；允许的函数：{allowed}</translation>
    </message>
    <message>
        <source>keyword arguments are not allowed</source>
        <translation>不允许使用关键字参数</translation>
    </message>
    <message>
        <source>{name} takes {n} argument(s), got {got}</source>
        <translation>{name} 需要 {n} 个参数，实际给了 {got} 个</translation>
    </message>
    <message>
        <source>attribute access (a.b) is not allowed</source>
        <translation>不允许访问属性（a.b）</translation>
    </message>
    <message>
        <source>lambdas are not allowed</source>
        <translation>不允许使用 lambda</translation>
    </message>
    <message>
        <source>comprehensions are not allowed</source>
        <translation>不允许使用推导式</translation>
    </message>
    <message>
        <source>indexing (a[i]) is not allowed</source>
        <translation>不允许使用下标（a[i]）</translation>
    </message>
    <message>
        <source>comparisons are not allowed</source>
        <translation>不允许使用比较</translation>
    </message>
    <message>
        <source>and/or are not allowed</source>
        <translation>不允许使用 and/or</translation>
    </message>
    <message>
        <source>if/else is not allowed</source>
        <translation>不允许使用 if/else</translation>
    </message>
    <message>
        <source>assignments are not allowed</source>
        <translation>不允许赋值</translation>
    </message>
    <message>
        <source>* unpacking is not allowed</source>
        <translation>不允许使用 * 解包</translation>
    </message>
    <message>
        <source>lists are not allowed</source>
        <translation>不允许使用列表</translation>
    </message>
    <message>
        <source>tuples are not allowed</source>
        <translation>不允许使用元组</translation>
    </message>
    <message>
        <source>dicts are not allowed</source>
        <translation>不允许使用字典</translation>
    </message>
    <message>
        <source>sets are not allowed</source>
        <translation>不允许使用集合</translation>
    </message>
    <message>
        <source>text is not allowed</source>
        <translation>不允许使用文本</translation>
    </message>
    <message>
        <source>await is not allowed</source>
        <translation>不允许使用 await</translation>
    </message>
    <message>
        <source>{kind} is not allowed in a formula</source>
        <translation>公式中不允许使用 {kind}</translation>
    </message>
    <message>
        <source>The formula cannot be used: {reason}</source>
        <translation>无法使用该公式：{reason}</translation>
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
    <name>GradCheckExplorer</name>
    <message>
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>mean |Δ|</source>
        <translation>平均 |Δ|</translation>
    </message>
    <message>
        <source>max |Δ|</source>
        <translation>最大 |Δ|</translation>
    </message>
    <message>
        <source>rel. error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <source>time (num.)</source>
        <translation>时间（数值）</translation>
    </message>
    <message>
        <source>two-layer net</source>
        <translation>两层网络</translation>
    </message>
    <message>
        <source>tiny conv net</source>
        <translation>微型卷积网络</translation>
    </message>
    <message>
        <source>hidden neurons</source>
        <translation>隐藏层神经元</translation>
    </message>
    <message>
        <source>conv filters</source>
        <translation>卷积滤波器</translation>
    </message>
    <message>
        <source>Not run yet.</source>
        <translation>尚未运行。</translation>
    </message>
    <message>
        <source>Timing backprop…</source>
        <translation>正在为误差反向传播法计时…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Backprop took {time}. Now the numerical gradient, one parameter element at a time…</source>
        <translation>误差反向传播法用时 {time}。现在计算数值梯度，一次一个参数元素…</translation>
    </message>
    <message>
        <source>Done: {images} image(s) through {network}.</source>
        <translation>完成：{images} 张图像通过 {network}。</translation>
    </message>
    <message>
        <source>{value} µs</source>
        <translation>{value} 微秒</translation>
    </message>
    <message>
        <source>{value} ms</source>
        <translation>{value} 毫秒</translation>
    </message>
    <message>
        <source>{value} s</source>
        <translation>{value} 秒</translation>
    </message>
    <message>
        <source>The two-layer net of chapter 4, or a tiny convolutional net ({arch}): backprop through convolution and max pooling, checked the same way.</source>
        <translation>第4章的两层网络，或一个微型卷积网络（{arch}）：经过卷积和 Max 池化的误差反向传播法，用同样的方法确认。</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>MNIST images</source>
        <translation>MNIST 图像数</translation>
    </message>
    <message>
        <source>random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Run the check</source>
        <translation>运行梯度确认</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>计时</translation>
    </message>
    <message>
        <source>Every gradient element: numerical against backprop</source>
        <translation>每个梯度元素：数值微分与误差反向传播法的对比</translation>
    </message>
    <message>
        <source>backprop ∂L/∂w</source>
        <translation>误差反向传播法 ∂L/∂w</translation>
    </message>
    <message>
        <source>numerical ∂L/∂w</source>
        <translation>数值微分 ∂L/∂w</translation>
    </message>
    <message>
        <source>equal (y = x)</source>
        <translation>相等（y = x）</translation>
    </message>
    <message>
        <source>Net &apos;{arch}&apos; (float64, ReLU): {n:,} parameters. Backprop runs through the pooling and the convolution (col2im) once; the numerical gradient needs {passes:,} forward passes.</source>
        <translation>网络“{arch}”（64 位浮点数，ReLU）：{n:,} 个参数。误差反向传播法经过池化层和卷积层（col2im）一次；数值梯度需要 {passes:,} 次正向传播。</translation>
    </message>
    <message>
        <source>Net {shape} (float64): {n:,} parameters. Backprop gets all their gradients from one forward and one backward pass; the numerical gradient needs {passes:,} forward passes.</source>
        <translation>网络 {shape}（64 位浮点数）：{n:,} 个参数。误差反向传播法通过一次正向传播和一次反向传播得到全部梯度；数值梯度需要 {passes:,} 次正向传播。</translation>
    </message>
    <message>
        <source>no dataset to take images from</source>
        <translation>没有可取图像的数据集</translation>
    </message>
    <message>
        <source>Backprop is right:</source>
        <translation>误差反向传播法是正确的：</translation>
    </message>
    <message>
        <source>every mean |Δ| is below {limit}.</source>
        <translation>每个平均 |Δ| 都小于 {limit}。</translation>
    </message>
    <message>
        <source>The gradients disagree</source>
        <translation>梯度不一致</translation>
    </message>
    <message>
        <source>(mean |Δ| above {limit}).</source>
        <translation>（平均 |Δ| 大于 {limit}）。</translation>
    </message>
    <message>
        <source>backprop, all {n:,} gradients: &lt;b&gt;{time}&lt;/b&gt;</source>
        <translation>误差反向传播法，全部 {n:,} 个梯度：&lt;b&gt;{time}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>numerical, the same gradients: &lt;b&gt;{time}&lt;/b&gt;</source>
        <translation>数值微分，同样的梯度：&lt;b&gt;{time}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>numerical is &lt;b&gt;{ratio}×&lt;/b&gt; slower.</source>
        <translation>数值微分慢 &lt;b&gt;{ratio} 倍&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Largest relative error, measured: &lt;b&gt;{error}&lt;/b&gt; (the rounding of central differences: the loss clips at 10⁻⁷ rather than adding it).</source>
        <translation>实测的最大相对误差：&lt;b&gt;{error}&lt;/b&gt;（中心差分的舍入误差：损失函数在 10⁻⁷ 处截断，而不是加上它）。</translation>
    </message>
    <message>
        <source>The check failed: {message}</source>
        <translation>梯度确认失败：{message}</translation>
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
    <name>LayersView</name>
    <message>
        <source>{name}: conv, {n} filters of {c}×{h}×{w}</source>
        <translation>{name}：卷积，{n} 个 {c}×{h}×{w} 滤波器</translation>
    </message>
    <message>
        <source>Log counts</source>
        <translation>对数个数</translation>
    </message>
    <message>
        <source>Histogram heights as log10(1 + count): the tails and a narrow initial spike fit on one scale.</source>
        <translation>直方图高度取 log10(1 + 个数)：两端的尾部和初始值的窄尖峰能放在同一个刻度上。</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
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
        <source>biases b</source>
        <translation>偏置 b</translation>
    </message>
    <message>
        <source>weight histogram</source>
        <translation>权重直方图</translation>
    </message>
    <message>
        <source>count</source>
        <translation>个数</translation>
    </message>
    <message>
        <source>at initialisation</source>
        <translation>初始值</translation>
    </message>
    <message>
        <source>digit</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>layer {i} unit</source>
        <translation>第 {i} 层单元</translation>
    </message>
    <message>
        <source>digits</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>layer {i} units</source>
        <translation>第 {i} 层单元</translation>
    </message>
    <message>
        <source>filter tap (channel, row, col)</source>
        <translation>滤波器权重（通道、行、列）</translation>
    </message>
    <message>
        <source>layer {i} filter</source>
        <translation>第 {i} 层滤波器</translation>
    </message>
    <message>
        <source>layer {i} filters</source>
        <translation>第 {i} 层滤波器</translation>
    </message>
    <message>
        <source>input pixel</source>
        <translation>输入像素</translation>
    </message>
    <message>
        <source>flattened feature-map value</source>
        <translation>展平的特征图值</translation>
    </message>
    <message>
        <source>{name}: weight from {source} (row) to {target} (column)</source>
        <translation>{name}：从{source}（行）到{target}（列）的权重</translation>
    </message>
    <message>
        <source>biases b{i} ({n} {units})</source>
        <translation>偏置 b{i}（{n} 个{units}）</translation>
    </message>
    <message>
        <source>log10(1 + count)</source>
        <translation>log10(1 + 个数)</translation>
    </message>
    <message>
        <source>at initialisation ({note})</source>
        <translation>初始值（{note}）</translation>
    </message>
    <message>
        <source>histogram of {name}&apos;s {n:,} weights</source>
        <translation>{name} 的 {n:,} 个权重的直方图</translation>
    </message>
    <message>
        <source>{shape} weights: mean {mean}, std {std}, largest |w| {largest}</source>
        <translation>{shape} 个权重：平均值 {mean}，标准差 {std}，最大 |w| {largest}</translation>
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
        <source>Training paused (F5 resumes)</source>
        <translation>训练已暂停（按 F5 继续）</translation>
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
    <name>MapGrid</name>
    <message>
        <source> (the first {shown} of {total})</source>
        <translation>（{total} 个中的前 {shown} 个）</translation>
    </message>
    <message>
        <source>{n} maps of {h}×{w}{more}: hover one to read its values</source>
        <translation>{n} 个 {h}×{w} 的图{more}：把鼠标移到图上可读出数值</translation>
    </message>
    <message>
        <source>map {i}</source>
        <translation>图 {i}</translation>
    </message>
    <message>
        <source>{name} · row {row}, col {col} · value {value}</source>
        <translation>{name} · 第 {row} 行，第 {col} 列 · 值 {value}</translation>
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
    <name>ModelFiles</name>
    <message>
        <source>NN Studio model (*.npz)</source>
        <translation>NN Studio 模型 (*.npz)</translation>
    </message>
    <message>
        <source>Models (*.npz *.safetensors);;NN Studio model (*.npz);;PyTorch state dict (*.safetensors);;All files (*)</source>
        <translation>模型 (*.npz *.safetensors);;NN Studio 模型 (*.npz);;PyTorch 状态字典 (*.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>A model is still loading; try again when it is done.</source>
        <translation>仍在加载一个模型，加载完成后再试。</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>正在打开 {name}…</translation>
    </message>
    <message>
        <source>Cannot open model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <source>Bundled model unusable: {reason}</source>
        <translation>内置模型无法使用：{reason}</translation>
    </message>
    <message>
        <source>Revert to bundled model</source>
        <translation>恢复为内置模型</translation>
    </message>
    <message>
        <source>The bundled model cannot be read: {reason}</source>
        <translation>无法读取内置模型：{reason}</translation>
    </message>
    <message>
        <source>The bundled default model is the current model again.</source>
        <translation>内置默认模型重新成为当前模型。</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>Cannot save model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <source>Saved {name} to {path}</source>
        <translation>已把 {name} 保存到 {path}</translation>
    </message>
    <message>
        <source>There is no model to save yet: train one first.</source>
        <translation>还没有可保存的模型：请先训练一个。</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>没有模型</translation>
    </message>
    <message>
        <source>Model: {name} ({shape})</source>
        <translation>模型：{name}（{shape}）</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>bundled default model</source>
        <translation>内置默认模型</translation>
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
        <source>pad-conv</source>
        <translation>画板卷积网络</translation>
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
        <source>conv-99</source>
        <translation>99% 卷积网络</translation>
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
        <source>Drawing-pad model (the default): conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10, ReLU, He init, Adam lr 0.001 decaying x0.7 each epoch, batch 128, 6 epochs of MNIST plus 60,000 synthetic pad-style digits, every mini-batch randomly distorted</source>
        <translation>画板模型（默认）：conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10，ReLU 函数，He 初始值，Adam，学习率 0.001 且每个 epoch 乘以 0.7，mini-batch 大小 128，在 MNIST 加上 60,000 个画板风格的合成数字上训练 6 个 epoch，每个 mini-batch 都随机变形</translation>
    </message>
    <message>
        <source>Convolutional: conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10, ReLU, He init, Adam lr 0.001, batch 128, 3 epochs (98.7% test accuracy, under a minute an epoch)</source>
        <translation>卷积网络：conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10，ReLU 函数，He 初始值，Adam，学习率 0.001，mini-batch 大小 128，3 个 epoch（测试识别精度 98.7%，每个 epoch 不到一分钟）</translation>
    </message>
    <message>
        <source>Convolutional, to 99%: conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10, ReLU, He init, Adam lr 0.002 x0.75 each epoch, batch 128, 8 epochs (99.2-99.3% test accuracy; about 2 minutes of one core&apos;s time, evaluations included)</source>
        <translation>达到 99% 的卷积网络：conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10，ReLU 函数，He 初始值，Adam，学习率 0.002 且每个 epoch 乘以 0.75，mini-batch 大小 128，8 个 epoch（测试数据的识别精度 99.2%–99.3%；单个核心约 2 分钟，含评估时间）</translation>
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
    <message>
        <source>Bowl x0² + x1² (the book&apos;s)</source>
        <translation>碗形 x0² + x1²（书中的例子）</translation>
    </message>
    <message>
        <source>The book&apos;s example: from (−3, 4) with lr 0.1, 100 steps end at about (0, 0).</source>
        <translation>书中的例子：从 (−3, 4) 出发，学习率 0.1，100 步后到达约 (0, 0)。</translation>
    </message>
    <message>
        <source>Elongated bowl x0²/20 + x1²</source>
        <translation>狭长的碗 x0²/20 + x1²</translation>
    </message>
    <message>
        <source>Steep along x₁, flat along x₀: the gradient rarely points at the minimum, so SGD zig-zags (the book&apos;s optimizer comparison, from (−7, 2)).</source>
        <translation>沿 x₁ 方向陡峭，沿 x₀ 方向平缓：梯度很少指向最小值，所以 SGD 呈之字形移动（书中优化器的比较，从 (−7, 2) 出发）。</translation>
    </message>
    <message>
        <source>Saddle x0² − x1²</source>
        <translation>鞍面 x0² − x1²</translation>
    </message>
    <message>
        <source>No minimum: the gradient vanishes at the origin, a saddle point. Starting exactly on the x₀ axis, descent stalls there; a hair off it, it slides away along x₁.</source>
        <translation>没有最小值：梯度在原点为 0，那是一个鞍点。恰好从 x₀ 轴上出发，梯度下降会停在那里；稍有偏离，就会沿 x₁ 方向滑走。</translation>
    </message>
    <message>
        <source>Rosenbrock&apos;s valley</source>
        <translation>Rosenbrock 山谷</translation>
    </message>
    <message>
        <source>Finding the valley is easy, following its flat curved floor to (1, 1) is slow.</source>
        <translation>找到山谷很容易，沿着平缓弯曲的谷底走到 (1, 1) 却很慢。</translation>
    </message>
    <message>
        <source>Himmelblau (four minima)</source>
        <translation>Himmelblau（四个最小值）</translation>
    </message>
    <message>
        <source>Four minima with f = 0: which one you reach depends on where you start.</source>
        <translation>四个 f = 0 的最小值：到达哪一个取决于从哪里出发。</translation>
    </message>
    <message>
        <source>Beale</source>
        <translation>Beale 函数</translation>
    </message>
    <message>
        <source>Flat plateaus and steep walls (f spans five orders of magnitude in this view); the minimum is at (3, 0.5).</source>
        <translation>平坦的高原和陡峭的峭壁（在此视野中 f 跨越五个数量级）；最小值在 (3, 0.5)。</translation>
    </message>
    <message>
        <source>f(x) = 0.01x² + 0.1x (the book&apos;s)</source>
        <translation>f(x) = 0.01x² + 0.1x（书中的例子）</translation>
    </message>
    <message>
        <source>f(x) = sin x</source>
        <translation>f(x) = sin x</translation>
    </message>
    <message>
        <source>f(x) = eˣ</source>
        <translation>f(x) = eˣ</translation>
    </message>
    <message>
        <source>f(x) = x³</source>
        <translation>f(x) = x³</translation>
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
    <name>NumericalDiffTab</name>
    <message>
        <source>the book&apos;s quadratic has no third derivative, so its central difference is exact but for rounding; sin, eˣ and x³ show both arms</source>
        <translation>书中的二次函数没有三阶导数，所以它的中心差分除舍入误差外是精确的；sin、eˣ 和 x³ 则显示出 V 形的两边</translation>
    </message>
    <message>
        <source>tangent at x =</source>
        <translation>切线位置 x =</translation>
    </message>
    <message>
        <source>|estimate − exact f′(x)|</source>
        <translation>|估计值 − 精确的 f′(x)|</translation>
    </message>
    <message>
        <source>tangent (numerical slope)</source>
        <translation>切线（数值斜率）</translation>
    </message>
    <message>
        <source>forward (f(x+h) − f(x)) / h</source>
        <translation>前向差分 (f(x+h) − f(x)) / h</translation>
    </message>
    <message>
        <source>central (f(x+h) − f(x−h)) / 2h</source>
        <translation>中心差分 (f(x+h) − f(x−h)) / 2h</translation>
    </message>
    <message>
        <source>book&apos;s h = 1e-4</source>
        <translation>书中的 h = 1e-4</translation>
    </message>
    <message>
        <source>{f} and its tangent</source>
        <translation>{f} 及其切线</translation>
    </message>
    <message>
        <source>difference error at x = {x}</source>
        <translation>x = {x} 处的差分误差</translation>
    </message>
    <message>
        <source>At x = {x}: exact f′(x) = {derivative} = &lt;b&gt;{exact}&lt;/b&gt;</source>
        <translation>在 x = {x} 处：精确的 f′(x) = {derivative} = &lt;b&gt;{exact}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>central difference (h = 1e-4) = &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>中心差分（h = 1e-4）= &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>forward difference (h = 1e-4) = &lt;b&gt;{value}&lt;/b&gt;</source>
        <translation>前向差分（h = 1e-4）= &lt;b&gt;{value}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>exact for this quadratic, up to rounding: no right arm</source>
        <translation>对这个二次函数，除舍入误差外是精确的：没有右边的一支</translation>
    </message>
    <message>
        <source>its own V, least error at h ≈ {h}</source>
        <translation>它自己的 V 形，h ≈ {h} 时误差最小</translation>
    </message>
    <message>
        <source>Shrinking h trades truncation error for rounding error. Large h: truncation, O(h) for the forward difference (the rising right end; least error at h ≈ {h_forward}), O(h²) for the central one ({central}). Small h: f(x + h) − f(x) loses its digits to rounding and dividing by h magnifies the loss. Tiny h: x + h rounds to x, both differences are 0 and the error is |f′(x)| (the flat left end); the book&apos;s h = 1e-50 gives {tiny} in float64.</source>
        <translation>减小 h 是用截断误差换舍入误差。h 较大时是截断误差：前向差分为 O(h)（右端上升的部分；h ≈ {h_forward} 时误差最小），中心差分为 O(h²)（{central}）。h 较小时，f(x + h) − f(x) 因舍入而丢失有效数字，再除以 h 会放大这种损失。h 极小时，x + h 舍入后等于 x，两种差分都为 0，误差就是 |f′(x)|（左端平坦的部分）；书中的 h = 1e-50 在 64 位浮点数下得到 {tiny}。</translation>
    </message>
    <message>
        <source>{n} exact zero errors are not drawn (0 has no place on a log axis).</source>
        <translation>有 {n} 个误差恰好为 0，未画出（对数坐标轴上没有 0 的位置）。</translation>
    </message>
    <message>
        <source>{n} exact zero error is not drawn (0 has no place on a log axis).</source>
        <translation>有 {n} 个误差恰好为 0，未画出（对数坐标轴上没有 0 的位置）。</translation>
    </message>
</context>
<context>
    <name>OptimizerList</name>
    <message>
        <source>Momentum&apos;s β: how much of the last velocity each step keeps</source>
        <translation>Momentum 的 β：每一步保留多少上一步的速度</translation>
    </message>
    <message>
        <source>Nesterov&apos;s β: how much of the last velocity each step keeps</source>
        <translation>Nesterov 的 β：每一步保留多少上一步的速度</translation>
    </message>
    <message>
        <source>RMSprop&apos;s ρ: how slowly its mean of g² forgets</source>
        <translation>RMSprop 的 ρ：g² 的平均值遗忘得有多慢</translation>
    </message>
    <message>
        <source>Adam&apos;s β₁: decay of its mean gradient (the momentum)</source>
        <translation>Adam 的 β₁：梯度平均值（动量）的衰减率</translation>
    </message>
    <message>
        <source>Adam&apos;s β₂: decay of its mean g² (the per-coordinate step size)</source>
        <translation>Adam 的 β₂：g² 平均值（每个坐标的步长）的衰减率</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>learning rate: a positive number such as 0.1, 1.5 or 1e-10</source>
        <translation>学习率：正数，例如 0.1、1.5 或 1e-10</translation>
    </message>
    <message>
        <source>{what}; a number in [0, 1)</source>
        <translation>{what}；取值在 [0, 1) 内</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>learning rate of {names}: type a number in (0, {limit}]</source>
        <translation>{names} 的学习率：请输入 (0, {limit}] 内的数</translation>
    </message>
    <message>
        <source>β of {names}: type a number in [0, 1)</source>
        <translation>{names} 的 β：请输入 [0, 1) 内的数</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
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
        <source>fully connected (hidden sizes)</source>
        <translation>全连接（隐藏层大小）</translation>
    </message>
    <message>
        <source>layers (architecture text)</source>
        <translation>逐层（网络结构文本）</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Hidden sizes</source>
        <translation>隐藏层大小</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>网络结构</translation>
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
        <source>Fully connected: the books&apos; multi-layer perceptron, 784 inputs, the hidden layers you list, 10 outputs. Layers: any stack of convolution, pooling and dense layers written as text in the Architecture field (Deep Learning from Scratch, ch. 7).</source>
        <translation>全连接：两本书中的多层感知机，784 个输入、你列出的隐藏层、10 个输出。逐层：在“网络结构”一栏用文本写出的任意卷积层、池化层和全连接层的组合（《深度学习入门》第7章）。</translation>
    </message>
    <message>
        <source>The network&apos;s layers in order, separated by commas:
  conv FILTERS KxK [sN] [pN]  convolution (stride N, zero padding N)
  pool KxK [sN]  max pooling (stride: the window unless given)
  dense UNITS  fully connected (the image is flattened before the first one)
The last layer must be &apos;dense 10&apos;, one unit per digit. The activation follows every conv and dense layer except the last. Example: conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10</source>
        <translation>网络的各层按顺序排列，用逗号分隔：
  conv 滤波器数 5x5 [s1] [p2]  卷积层（s 后是步幅，p 后是零填充的宽度）
  pool 2x2 [s2]  Max 池化层（步幅默认等于窗口大小）
  dense 单元数  全连接层（第一个全连接层之前图像会被展平）
最后一层必须是“dense 10”，每个数字一个单元。除最后一层外，每个 conv 层和 dense 层之后都接激活函数。示例：conv 16 5x5, pool 2, conv 32 5x5, pool 2, dense 128, dense 10</translation>
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
    <message>
        <source>1×28×28 → {shapes} · {n:,} parameters</source>
        <translation>1×28×28 → {shapes} · {n:,} 个参数</translation>
    </message>
</context>
<context>
    <name>PartialsTab</name>
    <message>
        <source>slice of f</source>
        <translation>f 的截面</translation>
    </message>
    <message>
        <source>tangent: slope = {partial}</source>
        <translation>切线：斜率 = {partial}</translation>
    </message>
    <message>
        <source>at the point (x₀, x₁) =</source>
        <translation>在点 (x₀, x₁) =</translation>
    </message>
    <message>
        <source>the book&apos;s (3, 4)</source>
        <translation>书中的 (3, 4)</translation>
    </message>
    <message>
        <source>A partial derivative holds every other variable fixed: cutting f(x₀, x₁) = x₀² + x₁² at x₁ = 4 leaves the 1D function x₀² + 16, whose slope at x₀ = 3 is ∂f/∂x₀ = 6; cutting at x₀ = 3 leaves 9 + x₁², slope 8 at x₁ = 4. Together: the gradient (6, 8).</source>
        <translation>偏导数把其他变量都固定住：在 x₁ = 4 处截取 f(x₀, x₁) = x₀² + x₁²，得到一元函数 x₀² + 16，它在 x₀ = 3 处的斜率是 ∂f/∂x₀ = 6；在 x₀ = 3 处截取得到 9 + x₁²，在 x₁ = 4 处斜率为 8。合起来就是梯度 (6, 8)。</translation>
    </message>
    <message>
        <source>{fixed} held fixed: f = {rest}</source>
        <translation>固定 {fixed}：f = {rest}</translation>
    </message>
    <message>
        <source>f(x₀, x₁) with {fixed}</source>
        <translation>f(x₀, x₁)，其中 {fixed}</translation>
    </message>
    <message>
        <source>At ({x0}, {x1}): ∂f/∂x₀ ≈ &lt;b&gt;{g0}&lt;/b&gt; (exact 2x₀ = {e0}) &amp;nbsp;·&amp;nbsp; ∂f/∂x₁ ≈ &lt;b&gt;{g1}&lt;/b&gt; (exact 2x₁ = {e1}) &amp;nbsp;·&amp;nbsp; ∇f = ({g0short}, {g1short})</source>
        <translation>在 ({x0}, {x1}) 处：∂f/∂x₀ ≈ &lt;b&gt;{g0}&lt;/b&gt;（精确值 2x₀ = {e0}）&amp;nbsp;·&amp;nbsp; ∂f/∂x₁ ≈ &lt;b&gt;{g1}&lt;/b&gt;（精确值 2x₁ = {e1}）&amp;nbsp;·&amp;nbsp; ∇f = ({g0short}, {g1short})</translation>
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
    <name>RaceRunner</name>
    <message>
        <source>f is not finite at the start point: choose another one</source>
        <translation>f 在起点处不是有限值：请另选一个起点</translation>
    </message>
    <message>
        <source>the gradient is not finite</source>
        <translation>梯度不是有限值</translation>
    </message>
    <message>
        <source>x is not finite</source>
        <translation>x 不是有限值</translation>
    </message>
    <message>
        <source>left 100× the view</source>
        <translation>离开了 100 倍的视野范围</translation>
    </message>
    <message>
        <source>f is not finite</source>
        <translation>f 不是有限值</translation>
    </message>
    <message>
        <source>diverged after {n:,} steps</source>
        <translation>{n:,} 步后发散</translation>
    </message>
    <message>
        <source>diverged after {n:,} step</source>
        <translation>{n:,} 步后发散</translation>
    </message>
    <message>
        <source>{text} ({detail})</source>
        <translation>{text}（原因：{detail}）</translation>
    </message>
    <message>
        <source>f is not finite at the start point</source>
        <translation>f 在起点处不是有限值</translation>
    </message>
    <message>
        <source>finished {n:,} steps</source>
        <translation>完成了 {n:,} 步</translation>
    </message>
    <message>
        <source>{n} steps</source>
        <translation>{n} 步</translation>
    </message>
    <message>
        <source>{n} step</source>
        <translation>{n} 步</translation>
    </message>
    <message>
        <source>{steps} × {ticks}/s = {total} steps/s</source>
        <translation>{steps} × {ticks} 次/秒 = {total} 步/秒</translation>
    </message>
    <message>
        <source>; not moved at all</source>
        <translation>；完全没有移动</translation>
    </message>
    <message>
        <source>; since the start: Δf = {df}, moved {moved}</source>
        <translation>；自起点以来：Δf = {df}，移动了 {moved}</translation>
    </message>
    <message>
        <source>; velocity ({v0}, {v1}) (dashed arrow)</source>
        <translation>；速度 ({v0}, {v1})（虚线箭头）</translation>
    </message>
    <message>
        <source>; step size per coordinate: x₀ {s0}, x₁ {s1}</source>
        <translation>；每个坐标的步长：x₀ {s0}，x₁ {s1}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>one update of every ticked optimizer</source>
        <translation>每个勾选的优化器更新一次</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>forget the trajectories; the next Play starts from the start point</source>
        <translation>清除轨迹；下次播放从起点开始</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>steps per timer tick × ticks per second: what the animation really does</source>
        <translation>每次定时器触发的步数 × 每秒触发次数：动画实际的速度</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>f against step on a log axis (values ≤ 0 are left out)</source>
        <translation>在对数坐标轴上显示 f 随步数的变化（≤ 0 的值不画出）</translation>
    </message>
    <message>
        <source>Tick at least one optimizer (with a valid learning rate).</source>
        <translation>请至少勾选一个优化器（并填写有效的学习率）。</translation>
    </message>
    <message>
        <source>step {step} (done), f = {f} at ({x0}, {x1})</source>
        <translation>第 {step} 步（已完成），在 ({x0}, {x1}) 处 f = {f}</translation>
    </message>
    <message>
        <source>step {step}, f = {f} at ({x0}, {x1})</source>
        <translation>第 {step} 步，在 ({x0}, {x1}) 处 f = {f}</translation>
    </message>
    <message>
        <source>values ≤ 0 are left out of the log-scale plot</source>
        <translation>对数坐标图中不画出 ≤ 0 的值</translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <source>Cannot start: {reason}</source>
        <translation>无法开始：{reason}</translation>
    </message>
    <message>
        <source>Loading dataset… the run starts as soon as it is ready.</source>
        <translation>正在加载数据集……准备好后立即开始运行。</translation>
    </message>
    <message>
        <source>Run {number}: preparing the training data…</source>
        <translation>第 {number} 次运行：正在准备训练数据……</translation>
    </message>
    <message>
        <source>Cannot reset: {reason}.</source>
        <translation>无法重置：{reason}。</translation>
    </message>
    <message>
        <source>Cannot start: {reason}.</source>
        <translation>无法开始：{reason}。</translation>
    </message>
    <message>
        <source>Not enough memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>Cannot start: the dataset did not load ({reason})</source>
        <translation>无法开始：数据集没有加载成功（{reason}）</translation>
    </message>
    <message>
        <source>Run {number}: drawing {total:,} synthetic pad-style digits before training starts (Stop cancels)…</source>
        <translation>第 {number} 次运行：训练开始前先绘制 {total:,} 个画板风格的合成数字（“停止”可取消）……</translation>
    </message>
    <message>
        <source>Run {number}: training on {images:,} images, with {extra} of your digits ({dataset}).</source>
        <translation>第 {number} 次运行：在 {images:,} 张图像上训练，其中包括你的 {extra} 个数字（{dataset}）。</translation>
    </message>
    <message>
        <source>Run {number}: training on {images:,} images ({dataset}).</source>
        <translation>第 {number} 次运行：在 {images:,} 张图像上训练（{dataset}）。</translation>
    </message>
    <message>
        <source>Run {number}: training resumed.</source>
        <translation>第 {number} 次运行：训练已继续。</translation>
    </message>
    <message>
        <source>Run {number} paused: F5 resumes, Step does one mini-batch. Speed and time left stand still until it resumes.</source>
        <translation>第 {number} 次运行已暂停：按 F5 继续，“单步”训练一个 mini-batch。速度和剩余时间在继续之前保持不变。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止……</translation>
    </message>
    <message>
        <source>{error} (the system ran out of memory: try smaller hidden sizes, batch or synthetic digits)</source>
        <translation>{error}（系统内存不足：请减小隐藏层大小、mini-batch 大小或合成数字的数量）</translation>
    </message>
    <message>
        <source>Training failed: {error}</source>
        <translation>训练失败：{error}</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <source>The run stopped because of an error:

{error}</source>
        <translation>运行因错误而停止：

{error}</translation>
    </message>
    <message>
        <source>Stopped while the training data was being prepared; the current model is unchanged.</source>
        <translation>在准备训练数据时已停止；当前模型没有变化。</translation>
    </message>
    <message>
        <source>{message} (The run history could not be saved: {reason}.)</source>
        <translation>{message}（无法保存运行历史：{reason}。）</translation>
    </message>
</context>
<context>
    <name>RunControls</name>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Train a fresh network with these settings (F5, or Space outside a text field)</source>
        <translation>用这些设置训练一个新的网络（F5，焦点不在文本框时也可按空格键）</translation>
    </message>
    <message>
        <source>Pause the run between two steps; press again to resume (F5, or Space outside a text field)</source>
        <translation>在两步之间暂停运行；再按一次继续（F5，焦点不在文本框时也可按空格键）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Do one mini-batch step, then pause (starts a paused run when idle)</source>
        <translation>训练一个 mini-batch 后暂停（空闲时会开始一次暂停状态的运行）</translation>
    </message>
    <message>
        <source>Step epoch</source>
        <translation>走完本 epoch</translation>
    </message>
    <message>
        <source>Train up to the end of the current epoch, then pause</source>
        <translation>训练到当前 epoch 结束，然后暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>End the run now; its network becomes the current model if it learned (Ctrl+. or Esc)</source>
        <translation>立即结束运行；如果网络学到了东西，它就成为当前模型（Ctrl+. 或 Esc）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Clear the plots and numbers; the next Start trains a fresh network (the current model stays)</source>
        <translation>清空图表和数字；下一次“开始”会训练一个新的网络（当前模型保持不变）</translation>
    </message>
    <message>
        <source>Step one mini-batch</source>
        <translation>单步（一个 mini-batch）</translation>
    </message>
    <message>
        <source>Step one epoch</source>
        <translation>单步（走完本 epoch）</translation>
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
    <name>RunHistoryBox</name>
    <message>
        <source>Run history</source>
        <translation>运行历史</translation>
    </message>
    <message>
        <source>Which run&apos;s curves the plots show. The last runs are kept across restarts (curves thinned to a few thousand points).</source>
        <translation>图表显示哪一次运行的曲线。最近的几次运行在重启后仍会保留（曲线精简到几千个点）。</translation>
    </message>
    <message>
        <source>Draw a second run&apos;s curves (dashed) over the shown one to compare them.</source>
        <translation>在显示的运行之上（用虚线）画出另一次运行的曲线，以便比较。</translation>
    </message>
    <message>
        <source>Export run…</source>
        <translation>导出运行…</translation>
    </message>
    <message>
        <source>Save the shown run&apos;s settings and curves as CSV (a table per step) or JSON (everything).</source>
        <translation>把显示的运行的设置和曲线保存为 CSV（每一步一行的表格）或 JSON（全部内容）。</translation>
    </message>
    <message>
        <source>Use its settings</source>
        <translation>使用其设置</translation>
    </message>
    <message>
        <source>Copy the shown run&apos;s settings into the form above.</source>
        <translation>把显示的运行的设置复制到上方的表单中。</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>比较对象</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>a run from a file…</source>
        <translation>文件中的运行…</translation>
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
    <name>RunOutcome</name>
    <message>
        <source>There is still no current model.</source>
        <translation>仍然没有当前模型。</translation>
    </message>
    <message>
        <source>The current model is still {name}.</source>
        <translation>当前模型仍是{name}。</translation>
    </message>
    <message>
        <source>Run {number} stopped before its first step; the current model is unchanged.</source>
        <translation>第 {number} 次运行在第一步之前就停止了；当前模型没有变化。</translation>
    </message>
    <message>
        <source>Training diverged.</source>
        <translation>训练已发散。</translation>
    </message>
    <message>
        <source>{diverged} For example {lower} instead of {lr}. {kept}</source>
        <translation>{diverged}例如用 {lower} 代替 {lr}。{kept}</translation>
    </message>
    <message>
        <source>Run {number} stopped after {iterations:,} iterations, but {why}.</source>
        <translation>第 {number} 次运行在 {iterations:,} 次迭代后停止，但{why}。</translation>
    </message>
    <message>
        <source>Run {number} completed after {iterations:,} iterations, but {why}.</source>
        <translation>第 {number} 次运行在 {iterations:,} 次迭代后完成，但{why}。</translation>
    </message>
    <message>
        <source>Run {number} stopped after {iterations:,} iterations: test accuracy {accuracy}%. It is now the current model (File ▸ Save model… keeps it).</source>
        <translation>第 {number} 次运行在 {iterations:,} 次迭代后停止：测试数据的识别精度为 {accuracy}%。它现在是当前模型（用“文件 ▸ 保存模型…”保存它）。</translation>
    </message>
    <message>
        <source>Run {number} completed after {iterations:,} iterations: test accuracy {accuracy}%. It is now the current model (File ▸ Save model… keeps it).</source>
        <translation>第 {number} 次运行在 {iterations:,} 次迭代后完成：测试数据的识别精度为 {accuracy}%。它现在是当前模型（用“文件 ▸ 保存模型…”保存它）。</translation>
    </message>
</context>
<context>
    <name>RunPreflight</name>
    <message>
        <source>you have no saved digits yet (save some on the Drawing pad)</source>
        <translation>你还没有保存任何数字（请先在画板上保存一些）</translation>
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
    <name>TrainingMessages</name>
    <message>
        <source>the loss became non-finite</source>
        <translation>损失函数的值变成了非有限值</translation>
    </message>
    <message>
        <source>the weights became non-finite</source>
        <translation>权重变成了非有限值</translation>
    </message>
    <message>
        <source>the weights exploded (largest |w| = {w})</source>
        <translation>权重爆炸了（最大的 |w| = {w}）</translation>
    </message>
    <message>
        <source>the loss exploded (from {start} to {end})</source>
        <translation>损失函数的值爆炸了（从 {start} 升到 {end}）</translation>
    </message>
    <message>
        <source>the loss has not moved for {span} iterations ({mean})</source>
        <translation>损失函数的值已经 {span} 次迭代没有变化（{mean}）</translation>
    </message>
    <message>
        <source>the training accuracy is {acc}% after {iterations} iterations, no better than guessing ({chance}%)</source>
        <translation>经过 {iterations} 次迭代后训练数据的识别精度只有 {acc}%，并不比随机猜测（{chance}%）好</translation>
    </message>
    <message>
        <source>try a smaller learning rate (for example {new} instead of {lr}) or the cross-entropy loss, which keeps its gradient when the outputs saturate</source>
        <translation>请试试更小的学习率（例如用 {new} 代替 {lr}），或者交叉熵误差：输出饱和时它的梯度不会消失</translation>
    </message>
    <message>
        <source>the learning rate {lr} may be too small to make progress: try a larger one, or the Adam optimizer</source>
        <translation>学习率 {lr} 可能太小，难以取得进展：请试试更大的学习率，或者 Adam 优化器</translation>
    </message>
    <message>
        <source>try a smaller learning rate or the cross-entropy loss (saturated units), or a larger one if the loss never moved at all</source>
        <translation>请试试更小的学习率或交叉熵误差（单元已饱和）；如果损失函数的值从未变化过，则试试更大的学习率</translation>
    </message>
    <message>
        <source>the run failed</source>
        <translation>运行失败了</translation>
    </message>
    <message>
        <source>the run diverged</source>
        <translation>运行已发散</translation>
    </message>
    <message>
        <source>the run stopped before its first step</source>
        <translation>运行在第一步之前就停止了</translation>
    </message>
    <message>
        <source>its accuracy is unknown</source>
        <translation>它的识别精度未知</translation>
    </message>
    <message>
        <source>its test accuracy ({acc}%) is not clearly better than guessing ({chance}%)</source>
        <translation>它在测试数据上的识别精度（{acc}%）并不明显优于随机猜测（{chance}%）</translation>
    </message>
    <message>
        <source>Training diverged at step {step} with learning rate {lr}: {reason} (last loss {loss}). The last sound weights were kept; try a lower learning rate.</source>
        <translation>训练在第 {step} 步发散（学习率 {lr}）：{reason}（最后的损失函数值为 {loss}）。已保留最后一组正常的权重；请试试更低的学习率。</translation>
    </message>
    <message>
        <source>Not learning at step {step:,}: {reason}; {suggestion}.</source>
        <translation>第 {step:,} 步时网络没有在学习：{reason}；{suggestion}。</translation>
    </message>
    <message>
        <source>run {number} (completed)</source>
        <translation>第 {number} 次运行（已完成）</translation>
    </message>
    <message>
        <source>run {number} (stopped)</source>
        <translation>第 {number} 次运行（已停止）</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>{n} runs of earlier sessions are in the run history.</source>
        <translation>运行历史中有之前会话的 {n} 次运行。</translation>
    </message>
    <message>
        <source>{n} run of earlier sessions is in the run history.</source>
        <translation>运行历史中有之前会话的 {n} 次运行。</translation>
    </message>
    <message>
        <source>Stop the run (in the Training panel)</source>
        <translation>停止运行（在“训练”面板中）</translation>
    </message>
    <message>
        <source>Cannot reset: {reason}</source>
        <translation>无法重置：{reason}</translation>
    </message>
    <message>
        <source>Cleared. Start trains a fresh {shape} network from these settings (seed {seed}).</source>
        <translation>已清空。“开始”会按这些设置训练一个新的 {shape} 网络（随机种子 {seed}）。</translation>
    </message>
    <message>
        <source>The current model ({name}) is unchanged.</source>
        <translation>当前模型（{name}）保持不变。</translation>
    </message>
    <message>
        <source>Learning rate set to {lr}: it applies from the next step.</source>
        <translation>学习率已设为 {lr}：从下一步起生效。</translation>
    </message>
    <message>
        <source>The learning rate was not changed: {reason}.</source>
        <translation>学习率没有修改：{reason}。</translation>
    </message>
    <message>
        <source>Export run history</source>
        <translation>导出运行历史</translation>
    </message>
    <message>
        <source>CSV table (*.csv);;JSON (*.json)</source>
        <translation>CSV 表格 (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Run {number} exported to {path}.</source>
        <translation>第 {number} 次运行已导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <source>chance: {accuracy}%</source>
        <translation>随机猜测：{accuracy}%</translation>
    </message>
    <message>
        <source>average darkness: {accuracy}%</source>
        <translation>平均暗度：{accuracy}%</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失函数的值</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>识别精度</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>识别精度（%）</translation>
    </message>
    <message>
        <source>x-axis:</source>
        <translation>横轴：</translation>
    </message>
    <message>
        <source>iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>epoch</translation>
    </message>
    <message>
        <source>log loss</source>
        <translation>对数损失</translation>
    </message>
    <message>
        <source>Draw the loss on a logarithmic scale: late, small improvements stay visible.</source>
        <translation>用对数刻度画损失函数的值：后期的微小改进也看得见。</translation>
    </message>
    <message>
        <source>hover: value · right-click: export PNG/CSV · drag/wheel: pan/zoom</source>
        <translation>悬停：数值 · 右键：导出 PNG/CSV · 拖动/滚轮：平移/缩放</translation>
    </message>
    <message>
        <source>loss per mini-batch</source>
        <translation>每个 mini-batch 的损失</translation>
    </message>
    <message>
        <source>moving average ({steps} steps)</source>
        <translation>移动平均（{steps} 步）</translation>
    </message>
    <message>
        <source>train accuracy</source>
        <translation>训练精度</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>测试精度</translation>
    </message>
    <message>
        <source>run {number}: moving average</source>
        <translation>第 {number} 次运行：移动平均</translation>
    </message>
    <message>
        <source>run {number}: train</source>
        <translation>第 {number} 次运行：训练</translation>
    </message>
    <message>
        <source>run {number}: test</source>
        <translation>第 {number} 次运行：测试</translation>
    </message>
    <message>
        <source>book: {accuracy}%</source>
        <translation>书中结果：{accuracy}%</translation>
    </message>
</context>
<context>
    <name>TrainingStats</name>
    <message>
        <source>Epoch</source>
        <translation>epoch</translation>
    </message>
    <message>
        <source>Iteration</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>Loss (avg)</source>
        <translation>损失（平均）</translation>
    </message>
    <message>
        <source>Train acc.</source>
        <translation>训练精度</translation>
    </message>
    <message>
        <source>Test acc.</source>
        <translation>测试精度</translation>
    </message>
    <message>
        <source>Samples/s</source>
        <translation>样本/秒</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>已用时间</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Accuracy on the test images, which the network never trains on, at each epoch&apos;s end.</source>
        <translation>每个 epoch 结束时在测试图像（网络从不用它们训练）上的识别精度。</translation>
    </message>
    <message>
        <source>Training samples per second over the last seconds (stands still while paused).</source>
        <translation>最近几秒内每秒训练的样本数（暂停时保持不变）。</translation>
    </message>
    <message>
        <source>Time left to the run&apos;s end at the current speed (stands still while paused).</source>
        <translation>按当前速度到运行结束还需的时间（暂停时保持不变）。</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>准备中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
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
        <source>failed</source>
        <translation>已失败</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>{state} · {done:,} / {total:,} iterations ({percent}%)</source>
        <translation>{state} · 第 {done:,} / {total:,} 次迭代（{percent}%）</translation>
    </message>
    <message>
        <source>{state} · {done:,} / {total:,} synthetic digits ({percent}%)</source>
        <translation>{state} · {done:,} / {total:,} 个合成数字（{percent}%）</translation>
    </message>
    <message>
        <source>Pick a preset or your own settings, then press Start ({keys}).</source>
        <translation>选择一个预设或自己的设置，然后按“开始”（{keys}）。</translation>
    </message>
    <message>
        <source>Train acc. ({images})</source>
        <translation>训练精度（{images}）</translation>
    </message>
    <message>
        <source>Accuracy on the training images, measured at each epoch&apos;s end.</source>
        <translation>每个 epoch 结束时在训练图像上测得的识别精度。</translation>
    </message>
    <message>
        <source>Accuracy on the first {images:,} of the {of:,} training images (all of them would make each epoch&apos;s end slower); the command line measures the same images.</source>
        <translation>在 {of:,} 张训练图像中的前 {images:,} 张上的识别精度（全部测量会让每个 epoch 的结束变慢）；命令行测量的也是同样的图像。</translation>
    </message>
    <message>
        <source>Accuracy on all {of:,} training images.</source>
        <translation>在全部 {of:,} 张训练图像上的识别精度。</translation>
    </message>
    <message>
        <source>preparing…</source>
        <translation>准备中……</translation>
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
    <name>ValueCurves</name>
    <message>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>f(x₀, x₁), log scale</source>
        <translation>f(x₀, x₁)，对数坐标</translation>
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
<context>
    <name>WeightsPanel</name>
    <message>
        <source>First-layer weights as a NumPy array (*.npy)</source>
        <translation>第一层权重，NumPy 数组 (*.npy)</translation>
    </message>
    <message>
        <source>this freshly reset model</source>
        <translation>这个刚重置的模型</translation>
    </message>
    <message>
        <source>the run&apos;s first snapshot, iteration {iteration}</source>
        <translation>这次运行的第一个快照，第 {iteration} 次迭代</translation>
    </message>
    <message>
        <source>a sample of the &apos;{init}&apos; initialisation</source>
        <translation>“{init}”初始值的一个样本</translation>
    </message>
    <message>
        <source>No model yet</source>
        <translation>还没有模型</translation>
    </message>
    <message>
        <source>Train a model on the &lt;b&gt;Training&lt;/b&gt; panel or open one (&lt;b&gt;File ▸ Open model…&lt;/b&gt;) to see its weights here.</source>
        <translation>在&lt;b&gt;训练&lt;/b&gt;面板上训练一个模型，或打开一个模型（&lt;b&gt;文件 ▸ 打开模型…&lt;/b&gt;），就能在这里看到它的权重。</translation>
    </message>
    <message>
        <source>All layers</source>
        <translation>所有层</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>What each conv and pool layer makes of the drawn digit or a test image: its feature maps and a histogram of their values.</source>
        <translation>每个卷积层和池化层从所写的数字或一张测试图像中得到什么：它的特征图及其数值的直方图。</translation>
    </message>
    <message>
        <source>Any layer&apos;s weight matrix, biases, and weight histogram against the initialisation.</source>
        <translation>任一层的权重矩阵、偏置，以及与初始值对比的权重直方图。</translation>
    </message>
    <message>
        <source>What every layer computes for the drawn digit or a test image.</source>
        <translation>每一层对所写的数字或一张测试图像计算出什么。</translation>
    </message>
    <message>
        <source>First-layer filters</source>
        <translation>第一层滤波器</translation>
    </message>
    <message>
        <source>Each tile: one filter of the first convolution, the weights it slides over the image.</source>
        <translation>每一块：第一个卷积层的一个滤波器，即它在图像上滑动的权重。</translation>
    </message>
    <message>
        <source>First layer (tiles)</source>
        <translation>第一层（块）</translation>
    </message>
    <message>
        <source>Each tile: the 784 weights into one first-layer unit, as a 28x28 image. Click a tile for that unit&apos;s details.</source>
        <translation>每一块：输入第一层一个单元的 784 个权重，显示为 28×28 的图像。单击一块查看该单元的详情。</translation>
    </message>
    <message>
        <source>live, iteration {iteration}</source>
        <translation>实时，第 {iteration} 次迭代</translation>
    </message>
    <message>
        <source>{activation}, assumed</source>
        <translation>{activation}，假定</translation>
    </message>
    <message>
        <source>network ({activation}) · {when}</source>
        <translation>网络（{activation}）· {when}</translation>
    </message>
    <message>
        <source>Weight snapshots do not say which activation the run uses: the current model&apos;s is assumed until the run ends.</source>
        <translation>权重快照不说明这次运行使用哪个激活函数：运行结束前假定与当前模型相同。</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>There is no model to export yet.</source>
        <translation>还没有可导出的模型。</translation>
    </message>
</context>
</TS>
