/** Regions, provinces and cities, and the parts of plausible distributor names, for the demo month. */
export const REGIONS: Record<string, { province: string; cities: string[] }[]> = {
  华东: [
    { province: '江苏', cities: ['南京', '苏州', '无锡', '常州', '南通'] },
    { province: '浙江', cities: ['杭州', '宁波', '温州', '绍兴', '嘉兴'] },
    { province: '上海', cities: ['上海'] },
    { province: '山东', cities: ['济南', '青岛', '烟台', '潍坊'] },
    { province: '安徽', cities: ['合肥', '芜湖', '蚌埠'] },
  ],
  华南: [
    { province: '广东', cities: ['广州', '深圳', '佛山', '东莞', '汕头'] },
    { province: '广西', cities: ['南宁', '柳州', '桂林'] },
    { province: '福建', cities: ['福州', '厦门', '泉州'] },
    { province: '海南', cities: ['海口', '三亚'] },
  ],
  华北: [
    { province: '北京', cities: ['北京'] },
    { province: '天津', cities: ['天津'] },
    { province: '河北', cities: ['石家庄', '唐山', '保定'] },
    { province: '山西', cities: ['太原', '大同'] },
    { province: '内蒙古', cities: ['呼和浩特', '包头'] },
  ],
  华中: [
    { province: '湖北', cities: ['武汉', '宜昌', '襄阳'] },
    { province: '湖南', cities: ['长沙', '株洲', '衡阳'] },
    { province: '河南', cities: ['郑州', '洛阳', '开封'] },
    { province: '江西', cities: ['南昌', '赣州'] },
  ],
  西南: [
    { province: '四川', cities: ['成都', '绵阳', '宜宾'] },
    { province: '重庆', cities: ['重庆'] },
    { province: '云南', cities: ['昆明', '大理'] },
    { province: '贵州', cities: ['贵阳', '遵义'] },
  ],
  西北: [
    { province: '陕西', cities: ['西安', '宝鸡'] },
    { province: '甘肃', cities: ['兰州'] },
    { province: '新疆', cities: ['乌鲁木齐'] },
    { province: '宁夏', cities: ['银川'] },
  ],
};

export const REGION_NAMES = Object.keys(REGIONS);

export const NAME_PARTS = {
  first: ['华', '鑫', '恒', '盛', '永', '金', '宏', '嘉', '瑞', '丰', '隆', '昌', '泰', '福', '益', '兴', '德', '源', '安', '康', '和', '信', '达', '顺'],
  second: ['光', '源', '通', '发', '达', '利', '祥', '润', '辉', '远', '旺', '禾', '汇', '美', '佳', '升', '宇', '新', '联', '诚'],
  kind: ['商贸', '食品', '贸易', '商行', '粮油', '副食品', '供应链', '实业', '批发部'],
  suffix: ['有限公司', '有限责任公司', '经营部', '商行'],
};

export const SKUS: { code: string; name: string; price: number }[] = [
  { code: 'SP-1001', name: '特级生抽 500ml', price: 12.8 },
  { code: 'SP-1002', name: '老抽王 500ml', price: 13.5 },
  { code: 'SP-1003', name: '陈醋 420ml', price: 9.9 },
  { code: 'SP-1004', name: '蚝油 700g', price: 18.6 },
  { code: 'SP-1005', name: '料酒 500ml', price: 7.5 },
  { code: 'SP-2001', name: '鸡精 200g', price: 11.2 },
  { code: 'SP-2002', name: '香辣酱 280g', price: 15.8 },
  { code: 'SP-2003', name: '火锅底料 400g', price: 22.5 },
  { code: 'SP-3001', name: '礼盒装调味品', price: 168 },
  { code: 'SP-3002', name: '家庭装酱油 1.9L', price: 39.9 },
];
